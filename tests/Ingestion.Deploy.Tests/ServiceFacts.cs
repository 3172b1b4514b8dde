using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;
using Ingestion.Hosting.Messaging;
using Ingestion.Hosting.Resilience;
using Ingestion.TestSupport;

namespace Ingestion.Deploy.Tests;

/// <summary>
/// What the repository says about one service, read from its sources rather than copied: its name (the one it gives
/// <c>IngestionHost.CreateBuilder</c>), its configuration keys (appsettings.json), the queues it consumes (the
/// <c>EndpointName</c> of its consumer definitions), whether it maps HTTP endpoints of its own, and the port the image
/// listens on.
/// </summary>
public sealed partial record ServiceFacts(string Folder, string Name, IReadOnlySet<string> ConfigurationKeys,
    IReadOnlyList<string> Queues, bool HasHttpApi, string Sources)
{
    static string HostingSources => Path.Combine(RepoPaths.Root, "shared", "Hosting");

    /// <summary>Every service under services/.</summary>
    public static IReadOnlyList<ServiceFacts> All { get; } = Directory.GetDirectories(Path.Combine(RepoPaths.Root, "services"))
        .Select(Path.GetFileName).OrderBy(f => f).Select(f => Read(f!)).ToList();

    static ServiceFacts Read(string folder)
    {
        var host = Path.Combine(RepoPaths.Root, "services", folder, $"Ingestion.{folder}");
        var sources = string.Join('\n', Directory.EnumerateFiles(host, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}")
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}"))
            .Select(File.ReadAllText));
        var program = File.ReadAllText(Path.Combine(host, "Program.cs"));
        var name = CreateBuilderName().Match(program) is { Success: true } m ? m.Groups[1].Value
            : throw new InvalidOperationException($"no IngestionHost.CreateBuilder(\"name\", ...) in {host}/Program.cs");
        var keys = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        using (var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(host, "appsettings.json"))))
            Flatten(json.RootElement, "", keys);
        var queues = EndpointName().Matches(sources).Select(q => q.Groups[1].Value).Distinct().Order().ToList();
        return new ServiceFacts(folder, name, keys, queues, HttpEndpoint().IsMatch(sources), sources);
    }

    static void Flatten(JsonElement element, string prefix, HashSet<string> keys)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var p in element.EnumerateObject()) Flatten(p.Value, prefix.Length == 0 ? p.Name : $"{prefix}:{p.Name}", keys);
                break;
            case JsonValueKind.Array:
                keys.Add(prefix); // a list: its items are prefix:0, prefix:1 ...
                break;
            default:
                keys.Add(prefix);
                break;
        }
    }

    /// <summary>The value of a key in the service's appsettings.json, or null.</summary>
    public string? ConfigurationValue(string key)
    {
        var host = Path.Combine(RepoPaths.Root, "services", Folder, $"Ingestion.{Folder}");
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(host, "appsettings.json")));
        var element = json.RootElement;
        foreach (var part in key.Split(':'))
        {
            var match = element.ValueKind == JsonValueKind.Object
                ? element.EnumerateObject().FirstOrDefault(p => string.Equals(p.Name, part, StringComparison.OrdinalIgnoreCase))
                : default;
            if (match.Value.ValueKind == JsonValueKind.Undefined) return null;
            element = match.Value;
        }
        return element.ToString();
    }

    /// <summary>
    /// Whether the environment variable <paramref name="name"/> is a setting this service reads: a key of its
    /// appsettings.json, a property of the options class bound to a shared section (RabbitMq, Resilience), an item of a
    /// list setting, a key the code names (<c>"Logging:Json"</c>, <c>"OTEL_EXPORTER_OTLP_ENDPOINT"</c>), or one of the
    /// OTLP exporter's own variables when the code uses that exporter.
    /// </summary>
    public bool ReadsSetting(string name)
    {
        var key = name.Replace("__", ":");
        if (ConfigurationKeys.Contains(key)) return true;
        var parts = key.Split(':');
        if (parts.Length >= 2 && SharedSections.TryGetValue(parts[0], out var options))
            return options.GetProperty(parts[1], BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase) is not null;
        if (parts.Length >= 2 && int.TryParse(parts[^1], out _) && ConfigurationKeys.Contains(string.Join(':', parts[..^1])))
            return true;
        if (Sources.Contains($"\"{key}\"") || AllHostingSources.Contains($"\"{key}\"")) return true;
        return name.StartsWith("OTEL_EXPORTER_OTLP_", StringComparison.Ordinal) && AllHostingSources.Contains("UseOtlpExporter(");
    }

    static readonly Dictionary<string, Type> SharedSections = new(StringComparer.OrdinalIgnoreCase)
    {
        ["RabbitMq"] = typeof(RabbitMqOptions),
        [ResilienceOptions.Section] = typeof(ResilienceOptions),
    };

    public static string AllHostingSources { get; } = string.Join('\n',
        Directory.EnumerateFiles(HostingSources, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}"))
            .Select(File.ReadAllText));

    /// <summary>The health endpoints shared/Hosting maps: (liveness, readiness).</summary>
    public static (string Live, string Ready) HealthPaths { get; } = ReadHealthPaths();

    static (string, string) ReadHealthPaths()
    {
        var paths = MapHealthChecks().Matches(File.ReadAllText(Path.Combine(HostingSources, "Health", "HealthExtensions.cs")))
            .Select(m => m.Groups[1].Value).ToList();
        return (paths.Single(p => p.EndsWith("/live")), paths.Single(p => p.EndsWith("/ready")));
    }

    /// <summary>The seconds the host adds to the shutdown grace for its own shutdown timeout (ResilienceExtensions).</summary>
    public static int ShutdownMarginSeconds { get; } = int.Parse(ShutdownMargin()
        .Match(File.ReadAllText(Path.Combine(HostingSources, "Resilience", "ResilienceExtensions.cs"))).Groups[1].Value);

    /// <summary>The port the image built by the root Dockerfile exposes (and its ASPNETCORE_URLS listens on).</summary>
    public static int ImagePort { get; } = ReadImagePort();

    static int ReadImagePort()
    {
        var dockerfile = File.ReadAllText(Path.Combine(RepoPaths.Root, "Dockerfile"));
        var exposed = int.Parse(Expose().Match(dockerfile).Groups[1].Value);
        var listened = int.Parse(AspNetCoreUrlsPort().Match(dockerfile).Groups[1].Value);
        return exposed == listened ? exposed
            : throw new InvalidOperationException($"the Dockerfile exposes {exposed} but listens on {listened}");
    }

    [GeneratedRegex(@"IngestionHost\.CreateBuilder\(""([^""]+)""")]
    private static partial Regex CreateBuilderName();
    [GeneratedRegex(@"EndpointName\s*=\s*""([^""]+)""")]
    private static partial Regex EndpointName();
    [GeneratedRegex(@"\.Map(Get|Post|Put|Patch|Delete|Methods)\(")]
    private static partial Regex HttpEndpoint();
    [GeneratedRegex(@"MapHealthChecks\(""([^""]+)""")]
    private static partial Regex MapHealthChecks();
    [GeneratedRegex(@"ShutdownGraceSeconds\s*\+\s*(\d+)")]
    private static partial Regex ShutdownMargin();
    [GeneratedRegex(@"(?m)^EXPOSE\s+(\d+)")]
    private static partial Regex Expose();
    [GeneratedRegex(@"ASPNETCORE_URLS=http://\+:(\d+)")]
    private static partial Regex AspNetCoreUrlsPort();
}
