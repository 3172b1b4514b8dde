namespace Ingestion.Fetcher.Domain.Feeds;

/// <summary>How a text construct (title, subtitle, rights, summary, content, Atom 0.3 info) was written.</summary>
/// <param name="Type">Its media type: <c>text/plain</c>, <c>text/html</c>, <c>application/xhtml+xml</c> (Atom's
/// <c>text</c>/<c>html</c>/<c>xhtml</c> are reported so), or the type the feed declared (<c>video/mp4</c>, ...).</param>
/// <param name="Language">The xml:lang in scope at the element (an empty xml:lang clears it), else the feed's
/// language, else the HTTP Content-Language; <c>_</c> is read as <c>-</c>.</param>
/// <param name="Base">The base URI in effect at the element (xml:base chain, then the document URL), or null.</param>
public sealed record FeedTextInfo(string Type, string? Language, string? Base);

/// <summary>A category as written: Atom <c>term</c>/<c>scheme</c>/<c>label</c>; RSS text and <c>domain</c> (as scheme).</summary>
public sealed record FeedCategory(string? Term, string? Scheme, string? Label);

/// <summary>The RSS channel image (or Atom logo): URL, title, link, size and description.</summary>
public sealed record FeedImage(string? Url, string? Title, string? Link, int? Width, int? Height, string? Description);

/// <summary>RSS <c>cloud</c>: where to register for update notifications.</summary>
public sealed record FeedCloud(string? Domain, string? Port, string? Path, string? RegisterProcedure, string? Protocol);

/// <summary>RSS <c>textInput</c>: a search box the channel offers.</summary>
public sealed record FeedTextInput(string? Title, string? Description, string? Name, string? Link);

/// <summary>What made the feed (Atom generator with uri/url and version; RSS generator text).</summary>
public sealed record FeedGenerator(string? Name, string? Uri, string? Version);

/// <summary>
/// An element of a namespace the parser does not interpret (or does, but keeps as written too): its local name,
/// trimmed text, attributes and child elements, grouped by local name. Values are raw text as the feed wrote it —
/// never HTML to render.
/// </summary>
public sealed record FeedExtension(
    string Name,
    string Value,
    IReadOnlyDictionary<string, string> Attributes,
    IReadOnlyDictionary<string, IReadOnlyList<FeedExtension>> Children);
