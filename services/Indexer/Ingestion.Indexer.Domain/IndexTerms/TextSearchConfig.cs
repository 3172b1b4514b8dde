namespace Ingestion.Indexer.Domain.IndexTerms;

/// <summary>Which PostgreSQL text-search configuration indexes an article of a given language.</summary>
public static class TextSearchConfig
{
    static readonly Dictionary<string, string> ByLanguage = new(StringComparer.OrdinalIgnoreCase)
    {
        ["ar"] = "arabic", ["da"] = "danish", ["de"] = "german", ["el"] = "greek", ["en"] = "english",
        ["es"] = "spanish", ["fi"] = "finnish", ["fr"] = "french", ["hu"] = "hungarian", ["id"] = "indonesian",
        ["it"] = "italian", ["lt"] = "lithuanian", ["ne"] = "nepali", ["nl"] = "dutch", ["no"] = "norwegian",
        ["nb"] = "norwegian", ["pt"] = "portuguese", ["ro"] = "romanian", ["ru"] = "russian", ["sv"] = "swedish",
        ["ta"] = "tamil", ["tr"] = "turkish",
    };

    /// <summary>The configuration for an ISO 639-1 code (or a BCP 47 tag such as <c>en-GB</c>); <c>simple</c> when there is none.</summary>
    public static string For(string? language)
    {
        if (string.IsNullOrWhiteSpace(language)) return "simple";
        var primary = language.Split('-', '_')[0];
        return ByLanguage.GetValueOrDefault(primary, "simple");
    }
}
