using System.Text.Json;

namespace Ingestion.Evaluation.Feeds;

/// <summary>Evaluates feedparser's declarative asserts (<c>expectations.json</c>) against a view of our result.</summary>
public static class AssertEvaluator
{
    /// <summary>Null when the assert holds, else why not.</summary>
    public static string? Check(JsonElement assert, Dictionary<string, object?> view)
    {
        var op = assert.GetProperty("op").GetString();
        if (op == "no_crash") return null;
        if (op == "any_of")
        {
            var reasons = new List<string>();
            foreach (var alternative in assert.GetProperty("alternatives").EnumerateArray())
            {
                var failure = alternative.EnumerateArray().Select(a => Check(a, view)).FirstOrDefault(r => r is not null);
                if (failure is null) return null;
                reasons.Add(failure);
            }
            return "none of: " + string.Join(" | ", reasons);
        }
        var path = assert.GetProperty("path");
        var found = Walk(view, path, out var value);
        var where = PathText(path);
        if (op is "==" or "!=" or "is" && !assert.TryGetProperty("literal", out _))
            return $"{where}: expected a Python value ({(assert.TryGetProperty("call", out var call) ? call.GetString() : "?")}) the harness cannot compare";
        switch (op)
        {
            case "==" when where == "encoding":
                return found
                    && TextCompare.SameEncoding(value as string, assert.GetProperty("literal").GetString()) ? null
                    : $"encoding: expected {assert.GetProperty("literal").GetRawText()}, got {Show(found, value)}";
            case "==":
                return found
                    && TextCompare.Equal(value, assert.GetProperty("literal")) ? null
                    : $"{where}: expected {assert.GetProperty("literal").GetRawText()}, got {Show(found, value)}";
            case "!=":
                return found
                    && !TextCompare.Equal(value, assert.GetProperty("literal")) ? null
                    : $"{where}: expected not {assert.GetProperty("literal").GetRawText()}, got {Show(found, value)}";
            case "is":
                return found
                    && TextCompare.Equal(value, assert.GetProperty("literal")) ? null
                    : $"{where}: expected is {assert.GetProperty("literal").GetRawText()}, got {Show(found, value)}";
            case "truthy":
                return found && TextCompare.Truthy(value) ? null : $"{where}: expected truthy, got {Show(found, value)}";
            case "falsy":
                return !found || !TextCompare.Truthy(value) ? null : $"{where}: expected falsy, got {Show(found, value)}";
            case "has_key":
            case "not_has_key":
                var key = assert.GetProperty("key").GetString()!;
                var has = found && value is IDictionary<string, object?> d && d.ContainsKey(key);
                return has == (op == "has_key") ? null : $"{where}: key '{key}' {(has ? "present" : "absent")}";
            case "paths_equal":
                var otherFound = Walk(view, assert.GetProperty("other"), out var other);
                return found && otherFound && Equals(Show(true, value), Show(true, other)) ? null : $"{where}: paths differ";
            case "isinstance":
                return $"{where}: no exception type '{assert.GetProperty("type").GetString()}' in our model";
            default:
                return $"unknown op '{op}'";
        }
    }

    private static bool Walk(object? node, JsonElement path, out object? value)
    {
        if (path.ValueKind == JsonValueKind.Object && path.TryGetProperty("len", out var inner))
        {
            var ok = Walk(node, inner, out var collection);
            value = collection is System.Collections.ICollection c ? c.Count : null;
            return ok && value is not null;
        }
        value = node;
        foreach (var step in path.EnumerateArray())
        {
            if (step.ValueKind == JsonValueKind.Number)
            {
                if (value is not IList<object?> list) return false;
                var i = step.GetInt32();
                if (i < 0) i += list.Count;
                if (i < 0 || i >= list.Count) return false;
                value = list[i];
            }
            else
            {
                if (value is not IDictionary<string, object?> map || !map.TryGetValue(step.GetString()!, out value)) return false;
            }
        }
        return true;
    }

    private static string PathText(JsonElement path) =>
        path.ValueKind == JsonValueKind.Object ? "len(" + PathText(path.GetProperty("len")) + ")" :
        path.GetArrayLength() == 0 ? "(root)"
            : string.Join(".", path.EnumerateArray().Select(s => s.ValueKind == JsonValueKind.Number ? s.GetRawText() : s.GetString()));

    private static string Show(bool found, object? value) => !found ? "(absent)" : value switch
    {
        null => "None",
        string s => JsonSerializer.Serialize(s.Length > 120 ? s[..120] + "…" : s),
        IList<object?> l => "[" + string.Join(",", l.Select(x => Show(true, x))) + "]",
        IDictionary<string, object?> => "{…}",
        DateTimeOffset d => d.ToString("O"),
        _ => value.ToString() ?? "",
    };
}
