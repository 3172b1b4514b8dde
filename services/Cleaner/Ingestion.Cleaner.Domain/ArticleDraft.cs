namespace Ingestion.Cleaner.Domain;

/// <summary>What an extractor found on a page, before feed information fills the gaps and the result is checked.</summary>
internal sealed class ArticleDraft
{
    public string? Title { get; set; }
    public List<string> Authors { get; } = [];
    public DateTimeOffset? Published { get; set; }
    /// <summary>A day read from the URL (/2024/03/04/): weaker than any date the page or its feed states.</summary>
    public DateTimeOffset? UrlDate { get; set; }
    public DateTimeOffset? Modified { get; set; }
    public string? Language { get; set; }
    public string? Section { get; set; }
    public IReadOnlyList<string> Tags { get; set; } = [];
    public string? SiteName { get; set; }
    public string? Dateline { get; set; }
    public string? Description { get; set; }
    public string? ImageUrl { get; set; }
    public string? CanonicalUrl { get; set; }
    public List<string> Paragraphs { get; } = [];

    /// <summary>Candidate paragraphs dropped as boilerplate, repeats or link lists.</summary>
    public int Dropped { get; set; }

    /// <summary>Words of text the page held before cleaning (to tell an empty page from one that is all boilerplate).</summary>
    public int RawWords { get; set; }

    /// <summary>Set when the extractor itself decided the page is not an article (e.g. an index page).</summary>
    public string? RejectReason { get; set; }

    public string? RejectDetail { get; set; }

    public void AddAuthors(IEnumerable<string> names)
    {
        foreach (var name in names)
            if (!Authors.Contains(name, StringComparer.OrdinalIgnoreCase))
                Authors.Add(name);
    }
}
