using System.IO.Compression;
using System.Text;
using Ingestion.Enricher.Domain.Entities.Model;

namespace Ingestion.Enricher.Tests;

public sealed class WordClustersTests
{
    [Fact]
    public void The_shipped_table_groups_given_names_and_leaves_unknown_words_out()
    {
        var clusters = WordClusters.Default;
        Assert.True(clusters.Count > 50_000, $"only {clusters.Count} words");
        var john = clusters.Of("john");
        Assert.NotNull(john);
        Assert.Equal(WordClusters.Sizes.Length, john.Length);
        Assert.Equal(john[1], clusters.Of("tom")?[1]);
        Assert.Null(clusters.Of("John")); // the table is lower-case: callers look up WordClusters.Key(word)
        Assert.Null(clusters.Of("qzxqzxqzx"));
    }

    [Fact]
    public void A_table_reads_back_what_was_written_and_refuses_a_bad_line()
    {
        var good = WordClusters.Read(Gzip("# comment\nparis\t1\t2\t3\nlyon\t1\t2\t4\n"));
        Assert.Equal(2, good.Count);
        Assert.Equal(new[] { "1", "2", "4" }, good.Of("lyon"));
        Assert.Throws<InvalidDataException>(() => WordClusters.Read(Gzip("paris\t1\t2\n")));
    }

    [Fact]
    public void Sentences_carry_each_word_s_clusters()
    {
        var sentence = new NerSentence(["John", "met", "Tom", "qzxqzxqzx"], Ingestion.Enricher.Domain.Entities.Gazetteer.Default);
        Assert.Equal(sentence.Clusters[0]![1], sentence.Clusters[2]![1]);
        Assert.Null(sentence.Clusters[3]);
    }

    private static MemoryStream Gzip(string text)
    {
        var stream = new MemoryStream();
        using (var gzip = new GZipStream(stream, CompressionLevel.Fastest, leaveOpen: true))
            gzip.Write(Encoding.UTF8.GetBytes(text));
        stream.Position = 0;
        return stream;
    }
}
