using System.Text.Json;
using Ingestion.Contracts;

namespace Ingestion.Indexer.Indexing;

/// <summary>
/// An event as the revisions table stores it: the JSON published to subscribers, kept as text (<c>json</c>). The writer
/// serialises it before the change cursor exists, with <see cref="Placeholder"/>; the insert that hands out the cursor puts
/// the number in its place. The placeholder cannot occur elsewhere: inside JSON strings the serialiser escapes quotes.
/// </summary>
public static class StoredEvent
{
    public const string Placeholder = "\"changeCursor\":0,";

    static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static string WithoutCursor(ArticleIndexed e)
    {
        var json = JsonSerializer.Serialize(e with { ChangeCursor = 0 }, Json);
        var at = json.IndexOf(Placeholder, StringComparison.Ordinal);
        if (at < 0 || at != json.LastIndexOf(Placeholder, StringComparison.Ordinal))
            throw new InvalidOperationException($"the serialised {nameof(ArticleIndexed)} does not hold {Placeholder} exactly once: {json}");
        return json;
    }

    public static ArticleIndexed Read(string json) => JsonSerializer.Deserialize<ArticleIndexed>(json, Json)!;
}
