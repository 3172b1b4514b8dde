using System.Text.Json;
using Ingestion.Fetcher.Domain.Feeds;

namespace Ingestion.Evaluation.Feeds;

/// <summary>gofeed's test data (<c>gofeed/manifest.json</c>): every field gofeed expects must be present in
/// <see cref="GofeedView"/> with an equal value (text compared as text, dates as instants); an expected empty list
/// must be empty. All cases count.</summary>
public static class GofeedSuite
{
    /// <summary>List every failing assert / field of a case, not only the first (<c>--all-reasons</c>).</summary>
    public static bool AllReasons { get; set; }

    public static IEnumerable<CaseResult> Run(string dir)
    {
        using var doc = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(dir, "manifest.json")));
        foreach (var c in doc.RootElement.EnumerateArray())
        {
            var input = c.GetProperty("input").GetString()!;
            var model = c.GetProperty("model").GetString()!;
            var category = model.Split(' ')[0];
            yield return RunCase(dir, input, category, model, c.GetProperty("expected"));
        }
    }

    private static CaseResult RunCase(string dir, string input, string category, string model, JsonElement expectedRef)
    {
        using var expectedDoc = expectedRef.ValueKind == JsonValueKind.String
            ? JsonDocument.Parse(File.ReadAllBytes(Path.Combine(dir, expectedRef.GetString()!)))
            : JsonDocument.Parse(expectedRef.GetRawText());
        var expected = expectedDoc.RootElement;
        ParsedFeed? feed = null;
        string? error = null;
        try
        {
            feed = FeedParser.Parse(File.ReadAllBytes(Path.Combine(dir, input)), null, null, null);
        }
        catch (FeedFormatException ex)
        {
            error = ex.Message;
        }
        catch (Exception ex)
        {
            return new CaseResult("gofeed", category, input, true, Outcome.Crashed, $"{ex.GetType().Name}: {ex.Message}");
        }

        if (model.StartsWith("detection", StringComparison.Ordinal))
        {
            var wantError = expected.TryGetProperty("error", out var e) && e.GetBoolean();
            if (wantError != (feed is null)) return Fail(input, category, wantError ? "expected an error" : $"refused: {error}");
            if (feed is null) return new CaseResult("gofeed", category, input, true, Outcome.Passed);
            var view = new Dictionary<string, object?> { ["feedType"] = feed.Kind };
            if (feed.Title is not null) view["title"] = feed.Title;
            var errors = new List<string>();
            Compare(view, expected, "", "error", errors);
            var why = errors.FirstOrDefault();
            return why is null ? new CaseResult("gofeed", category, input, true, Outcome.Passed) : Fail(input, category, why);
        }
        if (feed is null) return Fail(input, category, $"refused: {error}");
        var reasons = new List<string>();
        Compare(GofeedView.Of(feed, model), expected, "", null, reasons);
        var reason = reasons.Count == 0 ? null : !AllReasons ? reasons[0] : string.Join(" ;; ", reasons);
        return reason is null ? new CaseResult("gofeed", category, input, true, Outcome.Passed) : Fail(input, category, reason);
    }

    private static CaseResult Fail(string input, string category, string why) => new("gofeed", category, input, true, Outcome.Failed, why);

    /// <summary>Adds to <paramref name="errors"/> every expected field that ours lacks or holds differently.</summary>
    private static void Compare(object? ours, JsonElement expected, string path, string? ignore, List<string> errors)
    {
        switch (expected.ValueKind)
        {
            case JsonValueKind.Object:
                if (ours is not IDictionary<string, object?> map)
                {
                    errors.Add($"{path}: not in our model");
                    return;
                }
                foreach (var p in expected.EnumerateObject())
                {
                    if (p.Name == ignore) continue;
                    if (!map.TryGetValue(p.Name, out var v))
                    {
                        if (!IsEmpty(p.Value)) errors.Add($"{path}.{p.Name}: not in our model (expected {Short(p.Value)})");
                        continue;
                    }
                    Compare(v, p.Value, $"{path}.{p.Name}", null, errors);
                }
                return;
            case JsonValueKind.Array:
                if (ours is not IList<object?> list)
                {
                    if (!(expected.GetArrayLength() == 0 && ours is null)) errors.Add($"{path}: not in our model");
                    return;
                }
                if (list.Count != expected.GetArrayLength())
                {
                    errors.Add($"{path}: {list.Count} element(s), expected {expected.GetArrayLength()}");
                    return;
                }
                var k = 0;
                foreach (var item in expected.EnumerateArray())
                {
                    Compare(list[k], item, $"{path}[{k}]", null, errors);
                    k++;
                }
                return;
            default:
                if (!TextCompare.Equal(ours, expected)) errors.Add($"{path}: expected {Short(expected)}, got {Short(ours)}");
                return;
        }
    }

    private static bool IsEmpty(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.Array => e.GetArrayLength() == 0,
        JsonValueKind.String => e.GetString()!.Length == 0,
        JsonValueKind.Null or JsonValueKind.False => true,
        _ => false,
    };

    private static string Short(object? o)
    {
        var s = o switch { JsonElement j => j.GetRawText(), DateTimeOffset d => d.ToString("O"), null => "null", _ =>
            JsonSerializer.Serialize(o) };
        return s.Length > 100 ? s[..100] + "…" : s;
    }
}
