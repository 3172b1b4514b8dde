namespace Ingestion.Benchmarks.Search;

/// <summary>One benchmark query: the search parameters, and the plain ILIKE predicate that finds roughly the same articles.</summary>
public sealed record BenchQuery(string Name, string? Q, string? Ilike, string? Entity = null, string? EntityType = null,
    string? From = null, string? To = null, string? Source = null, bool Facets = false);

/// <summary>The fixed 20 queries: single words, phrases, boolean syntax, entity filters, date ranges, facets, paging the newest.</summary>
public static class SearchWorkload
{
    static string Has(string word) => $"(a.title ilike '%{word}%' or a.body ilike '%{word}%')";

    /// <summary>Entities are picked from the loaded data (the most named person, organisation and place), so they exist.</summary>
    public static IReadOnlyList<BenchQuery> Queries(string person, string organisation, string place) =>
    [
        new("word: climate", "climate", Has("climate")),
        new("word: google", "google", Has("google")),
        new("word: police", "police", Has("police")),
        new("word: smartphone", "smartphone", Has("smartphone")),
        new("word: government", "government", Has("government")),
        new("phrase: \"prime minister\"", "\"prime minister\"", Has("prime minister")),
        new("phrase: \"white house\"", "\"white house\"", Has("white house")),
        new("phrase: \"climate change\"", "\"climate change\"", Has("climate change")),
        new("or: apple OR samsung", "apple OR samsung", $"({Has("apple")} or {Has("samsung")})"),
        new("not: election -trump", "election -trump", $"({Has("election")} and not {Has("trump")})"),
        new("typo in title: goverment", "goverment budget", Has("goverment")),
        new($"entity PER only: {person}", null, Has(person.Replace("'", "''")), person, "PER"),
        new($"entity ORG + word: {organisation}", "company", $"{Has("company")} and {Has(organisation.Replace("'", "''"))}", organisation,
            "ORG"),
        new($"entity LOC + word: {place}", "police", $"{Has("police")} and {Has(place.Replace("'", "''"))}", place, "LOC"),
        new("dates: market in Q1 2023", "market", $"{Has("market")} and a.published >= '2023-01-01' and a.published <= '2023-03-31'",
            From: "2023-01-01", To: "2023-03-31"),
        new("dates: newest in March 2024", null, "a.published >= '2024-03-01' and a.published <= '2024-03-31'",
            From: "2024-03-01", To: "2024-03-31"),
        new("source + word: technology", "technology", $"{Has("technology")} and a.source = 'Tech Ledger'", Source: "Tech Ledger"),
        new("facets: health", "health", Has("health"), Facets: true),
        new("facets: \"united states\" 2023", "\"united states\"",
            $"{Has("united states")} and a.published >= '2023-01-01' and a.published <= '2023-12-31'",
            From: "2023-01-01", To: "2023-12-31", Facets: true),
        new("newest, no query", null, null),
    ];
}
