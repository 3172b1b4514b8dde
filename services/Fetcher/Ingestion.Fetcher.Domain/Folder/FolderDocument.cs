namespace Ingestion.Fetcher.Domain.Folder;

/// <summary>One document of a folder source.</summary>
/// <param name="Path">Full path of the file.</param>
/// <param name="Url">The file's <c>file:</c> URL (its identity, like a page's URL).</param>
/// <param name="ContentType"><c>text/html</c> for .html/.htm, otherwise <c>text/plain</c>.</param>
/// <param name="Modified">Last write time, UTC.</param>
public sealed record FolderDocument(string Path, string Url, string ContentType, DateTimeOffset Modified);
