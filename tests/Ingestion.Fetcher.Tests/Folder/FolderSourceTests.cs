using Ingestion.Fetcher.Domain.Folder;
using Ingestion.Fetcher.Domain.Identity;

namespace Ingestion.Fetcher.Tests.Folder;

public sealed class FolderSourceTests : IDisposable
{
    private readonly string root = Path.Combine(Path.GetTempPath(), "folder-source-" + Guid.NewGuid().ToString("N"));

    public FolderSourceTests()
    {
        Directory.CreateDirectory(Path.Combine(root, "sub", "deeper"));
        Directory.CreateDirectory(Path.Combine(root, ".git"));
        File.WriteAllText(Path.Combine(root, "b.txt"), "b");
        File.WriteAllText(Path.Combine(root, "a page.html"), "<p>a</p>");
        File.WriteAllText(Path.Combine(root, "notes.md"), "excluded");
        File.WriteAllText(Path.Combine(root, ".hidden.txt"), "hidden");
        File.WriteAllText(Path.Combine(root, ".git", "config.txt"), "hidden folder");
        File.WriteAllText(Path.Combine(root, "sub", "c.HTM"), "<p>c</p>");
        File.WriteAllText(Path.Combine(root, "sub", "deeper", "d.txt"), "d");
        File.SetLastWriteTimeUtc(Path.Combine(root, "b.txt"), new DateTime(2023, 12, 27, 8, 0, 0, DateTimeKind.Utc));
    }

    public void Dispose() => Directory.Delete(root, recursive: true);

    [Fact]
    public void ListsRecursivelySortedAndSkipsHidden()
    {
        var docs = FolderSource.List(root, [".txt", ".html", "htm"]);
        Assert.Equal(
            [Path.Combine(root, "a page.html"), Path.Combine(root, "b.txt"), Path.Combine(root, "sub", "c.HTM"),
                Path.Combine(root, "sub", "deeper", "d.txt")],
            docs.Select(d => d.Path));
    }

    [Fact]
    public void DescribesEachDocument()
    {
        var docs = FolderSource.List(root, [".txt", ".html", ".htm"]);
        var html = docs[0];
        Assert.Equal("text/html", html.ContentType);
        Assert.StartsWith("file:///", html.Url);
        Assert.EndsWith("/a%20page.html", html.Url);
        Assert.Equal(html.Url, UrlCanonicalizer.Canonicalize(html.Url));

        var text = docs[1];
        Assert.Equal("text/plain", text.ContentType);
        Assert.Equal(new DateTimeOffset(2023, 12, 27, 8, 0, 0, TimeSpan.Zero), text.Modified);
        Assert.Equal("text/html", docs[2].ContentType);
    }

    [Fact]
    public void ExtensionFilterApplies() =>
        Assert.Equal(["b.txt", "d.txt"], FolderSource.List(root, [".txt"]).Select(d => Path.GetFileName(d.Path)));

    [Fact]
    public void MissingFolderIsAClearError() =>
        Assert.Throws<DirectoryNotFoundException>(() => FolderSource.List(Path.Combine(root, "nope"), [".txt"]));
}
