namespace Ingestion.Fetcher.Domain.Folder;

/// <summary>Lists the documents of a folder source: recursive, in ordinal path order, hidden files and folders
/// (dot names or the Hidden attribute) skipped, symbolic links to folders not followed.</summary>
public static class FolderSource
{
    /// <summary>The files under <paramref name="folder"/> whose extension is one of <paramref name="extensions"/>
    /// (".txt" or "txt", case-insensitive).</summary>
    /// <exception cref="DirectoryNotFoundException">The folder does not exist.</exception>
    public static IReadOnlyList<FolderDocument> List(string folder, IReadOnlyCollection<string> extensions)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        ArgumentNullException.ThrowIfNull(extensions);
        var root = new DirectoryInfo(System.IO.Path.GetFullPath(folder));
        if (!root.Exists) throw new DirectoryNotFoundException($"Folder source not found: '{root.FullName}'.");

        var wanted = new HashSet<string>(
            extensions.Where(e => !string.IsNullOrWhiteSpace(e)).Select(e => e.Trim().StartsWith('.') ? e.Trim() : "." + e.Trim()),
            StringComparer.OrdinalIgnoreCase);
        var found = new List<FolderDocument>();
        Walk(root, wanted, found);
        found.Sort((a, b) => string.CompareOrdinal(a.Path, b.Path));
        return found;
    }

    /// <summary>The media type a folder document is published with.</summary>
    public static string ContentTypeFor(string path)
    {
        var ext = System.IO.Path.GetExtension(path);
        return ext.Equals(".html", StringComparison.OrdinalIgnoreCase) || ext.Equals(".htm", StringComparison.OrdinalIgnoreCase)
            || ext.Equals(".xhtml", StringComparison.OrdinalIgnoreCase)
            ? "text/html"
            : "text/plain";
    }

    private static void Walk(DirectoryInfo directory, HashSet<string> wanted, List<FolderDocument> found)
    {
        IEnumerable<FileSystemInfo> entries;
        try
        {
            entries = directory.EnumerateFileSystemInfos("*", new EnumerationOptions
            {
                RecurseSubdirectories = false,
                IgnoreInaccessible = true,
                AttributesToSkip = 0,
                ReturnSpecialDirectories = false,
            }).ToList();
        }
        catch (UnauthorizedAccessException)
        {
            return;
        }
        foreach (var entry in entries)
        {
            if (IsHidden(entry)) continue;
            switch (entry)
            {
                case DirectoryInfo sub when sub.LinkTarget is null:
                    Walk(sub, wanted, found);
                    break;
                case FileInfo file when wanted.Contains(file.Extension):
                    found.Add(new FolderDocument(
                        file.FullName,
                        new Uri(file.FullName).AbsoluteUri,
                        ContentTypeFor(file.FullName),
                        new DateTimeOffset(file.LastWriteTimeUtc, TimeSpan.Zero)));
                    break;
            }
        }
    }

    private static bool IsHidden(FileSystemInfo entry) =>
        entry.Name.StartsWith('.') || (entry.Attributes & FileAttributes.Hidden) != 0;
}
