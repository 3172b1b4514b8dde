using Npgsql;
using Npgsql.Internal;
using Npgsql.Internal.Postgres;

#pragma warning disable NPG9001 // Npgsql's type-converter API is marked experimental; this is its documented extension point.

namespace Ingestion.Indexer.Vectors;

/// <summary>
/// A tsvector already in PostgreSQL's binary form (what <c>tsvector_recv</c> reads): Npgsql sends the bytes as they are,
/// instead of building a lexeme object per word and encoding them again. Write-only.
/// </summary>
public sealed class TsVectorBytes(byte[] bytes)
{
    public byte[] Bytes => bytes;
}

/// <summary>Lets a data source send <see cref="TsVectorBytes"/>, and arrays of it, as <c>tsvector</c>.</summary>
public sealed class TsVectorBytesResolverFactory : PgTypeInfoResolverFactory
{
    const string TsVector = "pg_catalog.tsvector";

    /// <summary>Adds the converter to a data source being built (the indexer's, the benchmark's).</summary>
    public static void AddTo(NpgsqlDataSourceBuilder builder) => builder.AddTypeInfoResolverFactory(new TsVectorBytesResolverFactory());

    public override IPgTypeInfoResolver CreateResolver() => new Resolver();
    public override IPgTypeInfoResolver CreateArrayResolver() => new ArrayResolver();

    class Resolver : IPgTypeInfoResolver
    {
        TypeInfoMappingCollection? mappings;
        protected TypeInfoMappingCollection Mappings => mappings ??= AddTypes(new TypeInfoMappingCollection());

        public PgTypeInfo? GetTypeInfo(Type? type, DataTypeName? dataTypeName, PgSerializerOptions options) =>
            Mappings.Find(type, dataTypeName, options);

        static TypeInfoMappingCollection AddTypes(TypeInfoMappingCollection mappings)
        {
            mappings.AddType<TsVectorBytes>(TsVector, static (options, mapping, _) => mapping.CreateInfo(options, new Converter()));
            return mappings;
        }
    }

    sealed class ArrayResolver : Resolver, IPgTypeInfoResolver
    {
        TypeInfoMappingCollection? arrays;
        new TypeInfoMappingCollection Mappings => arrays ??= AddArrays(new TypeInfoMappingCollection(base.Mappings));

        public new PgTypeInfo? GetTypeInfo(Type? type, DataTypeName? dataTypeName, PgSerializerOptions options) =>
            Mappings.Find(type, dataTypeName, options);

        static TypeInfoMappingCollection AddArrays(TypeInfoMappingCollection mappings)
        {
            mappings.AddArrayType<TsVectorBytes>(TsVector);
            return mappings;
        }
    }

    sealed class Converter : PgStreamingConverter<TsVectorBytes>
    {
        public override TsVectorBytes Read(PgReader reader) => throw new NotSupportedException("TsVectorBytes is write-only.");

        public override ValueTask<TsVectorBytes> ReadAsync(PgReader reader, CancellationToken cancellationToken = default) =>
            throw new NotSupportedException("TsVectorBytes is write-only.");

        public override Size GetSize(SizeContext context, TsVectorBytes value, ref object? writeState) => value.Bytes.Length;

        public override void Write(PgWriter writer, TsVectorBytes value) => writer.WriteBytes(value.Bytes);

        public override ValueTask WriteAsync(PgWriter writer, TsVectorBytes value, CancellationToken cancellationToken = default) =>
            writer.WriteBytesAsync(value.Bytes, cancellationToken);
    }
}
