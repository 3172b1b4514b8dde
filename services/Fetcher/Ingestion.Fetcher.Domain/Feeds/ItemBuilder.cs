using Ingestion.Contracts;
using Ingestion.Fetcher.Domain.Feeds.Html;
using Ingestion.Fetcher.Domain.Feeds.Xml;

namespace Ingestion.Fetcher.Domain.Feeds;

/// <summary>Collects what the format parsers find about one item and builds the <see cref="ParsedItem"/>.</summary>
internal sealed class ItemBuilder
{
    private readonly List<string> authors = [];
    private readonly List<string> categories = [];

    public string? Link { get; set; }
    public string? Id { get; set; }
    public string? Title { get; set; }
    public DateTimeOffset? Published { get; set; }
    public DateTimeOffset? Updated { get; set; }
    public string? SummaryHtml { get; set; }
    public string? ContentHtml { get; set; }
    public string? ImageUrl { get; set; }
    public string? Language { get; set; }
    public string? PublicationName { get; set; }

    public int AuthorCount => authors.Count;

    public List<FeedPerson> AuthorDetails { get; } = [];
    public List<FeedPerson> Contributors { get; } = [];
    public List<FeedEnclosure> Enclosures { get; } = [];
    public string? Rights { get; set; }
    public string? Comments { get; set; }
    public IReadOnlyList<FeedLinkInfo> Links { get; set; } = [];
    public FeedTextInfo? TitleDetail { get; set; }
    public FeedTextInfo? SummaryDetail { get; set; }
    public FeedTextInfo? ContentDetail { get; set; }
    public string? ContentSource { get; set; }
    public FeedTextInfo? RightsDetail { get; set; }
    public bool? GuidIsPermaLink { get; set; }
    public FeedPerson? Publisher { get; set; }
    public string? License { get; set; }
    public DateTimeOffset? Expires { get; set; }
    public IReadOnlyList<FeedCategory> CategoryDetails { get; set; } = [];
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, IReadOnlyList<FeedExtension>>> Extensions { get; set; } =
        FeedExtensions.None;

    /// <summary>Adds an author with details; the name (or, lacking one, the email) also goes to the names list.</summary>
    public void AddAuthorDetail(FeedPerson? person)
    {
        if (person is null || (person.Name is null && person.Email is null && person.Uri is null)) return;
        if (!AuthorDetails.Contains(person)) AuthorDetails.Add(person);
        AddAuthor(person.Name ?? person.Email);
    }

    public void AddEnclosure(string? url, string? type, string? length)
    {
        if (string.IsNullOrWhiteSpace(url) || Enclosures.Any(e => e.Url == url)) return;
        Enclosures.Add(new FeedEnclosure(url, string.IsNullOrWhiteSpace(type) ? null : type.Trim(), string.IsNullOrWhiteSpace(length) ? null
            : length.Trim()));
    }

    public void AddAuthor(string? raw)
    {
        var name = FeedText.AuthorName(raw);
        if (name is not null && !authors.Contains(name, StringComparer.OrdinalIgnoreCase)) authors.Add(name);
    }

    public void AddCategory(string? raw)
    {
        var c = raw is null ? null : HtmlText.Collapse(raw);
        if (!string.IsNullOrEmpty(c) && !categories.Contains(c, StringComparer.Ordinal)) categories.Add(c);
    }

    public void SetImageIfNone(string? url)
    {
        if (ImageUrl is null && !string.IsNullOrWhiteSpace(url)) ImageUrl = url;
    }

    public ParsedItem Build() => new(
        Link ?? string.Empty,
        new FeedItemInfo(
            Id: string.IsNullOrWhiteSpace(Id) ? null : Id.Trim(),
            Title: Title,
            Published: Published,
            Updated: Updated,
            Authors: authors.ToArray(),
            Categories: categories.ToArray(),
            Summary: SummaryHtml ?? ContentHtml,
            ImageUrl: ImageUrl,
            Language: Language))
    {
        ContentHtml = ContentHtml,
        PublicationName = PublicationName,
        AuthorDetails = AuthorDetails.ToArray(),
        Contributors = Contributors.ToArray(),
        Enclosures = Enclosures.ToArray(),
        Rights = Rights,
        Comments = Comments,
        Links = Links,
        TitleDetail = TitleDetail,
        SummaryDetail = SummaryHtml is not null ? SummaryDetail : ContentDetail,
        ContentDetail = ContentDetail,
        ContentSource = ContentSource,
        RightsDetail = RightsDetail,
        GuidIsPermaLink = GuidIsPermaLink,
        Publisher = Publisher,
        License = License,
        Expires = Expires,
        CategoryDetails = CategoryDetails,
        Extensions = Extensions,
    };
}
