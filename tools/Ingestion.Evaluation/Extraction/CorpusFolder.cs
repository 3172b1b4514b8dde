namespace Ingestion.Evaluation.Extraction;

/// <summary>Finds a corpus folder given on the command line: as given (relative to the working folder), else relative to the repository
/// root.</summary>
public static class CorpusFolder
{
    public static string? Find(string path)
    {
        if (Directory.Exists(path)) return Path.GetFullPath(path);
        if (Path.IsPathRooted(path)) return null;
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (!File.Exists(Path.Combine(dir.FullName, "Ingestion.sln"))) continue;
            var candidate = Path.GetFullPath(Path.Combine(dir.FullName, path));
            return Directory.Exists(candidate) ? candidate : null;
        }
        return null;
    }

    /// <summary>The bytes of a page file, inflated when it ends in .gz.</summary>
    public static byte[] ReadPage(string file)
    {
        using var stream = File.OpenRead(file);
        if (!file.EndsWith(".gz", StringComparison.OrdinalIgnoreCase))
        {
            var ms0 = new MemoryStream();
            stream.CopyTo(ms0);
            return ms0.ToArray();
        }
        using var gz = new System.IO.Compression.GZipStream(stream, System.IO.Compression.CompressionMode.Decompress);
        var ms = new MemoryStream();
        gz.CopyTo(ms);
        return ms.ToArray();
    }
}
