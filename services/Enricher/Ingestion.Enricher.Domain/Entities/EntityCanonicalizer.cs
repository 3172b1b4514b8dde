using Ingestion.Contracts;

namespace Ingestion.Enricher.Domain.Entities;

/// <summary>
/// Groups recognised mentions into entities and gives each one canonical name within the article: the longest form
/// used ("Lavrov" + "Sergey Lavrov" → "Sergey Lavrov"; "S Jaishankar" + "Jaishankar" → "S Jaishankar"). People are
/// grouped by compatible names (same last name, initials matching given names); places and organisations by
/// gazetteer identity (aliases such as "UN" / "United Nations") or by name, and an acronym joins the organisation
/// whose initials it spells ("EEU" → "Eurasian Economic Union").
/// </summary>
public static class EntityCanonicalizer
{
    private static readonly HashSet<string> MinorWords = new(StringComparer.OrdinalIgnoreCase) { "of", "the", "and", "for", "&", "on", "in",
        "de", "la" };

    private sealed class Group(string type)
    {
        public readonly string Type = type;
        public readonly List<EntitySpan> Spans = [];
        public string? GazetteerId;

        public string Canonical =>
            Spans.Select(s => s.Name)
                .OrderByDescending(WordCount)
                .ThenByDescending(n => n.Length)
                .ThenBy(n => Spans.First(s => s.Name == n).Start)
                .First();
    }

    public static IReadOnlyList<Entity> Canonicalize(string text, IReadOnlyList<EntitySpan> spans)
    {
        var groups = new List<Group>();
        groups.AddRange(GroupPeople(spans.Where(s => s.Type == EntityTypes.Person).ToList()));
        groups.AddRange(GroupByIdentity(spans.Where(s => s.Type == EntityTypes.Location).ToList(), EntityTypes.Location));
        var orgs = GroupByIdentity(spans.Where(s => s.Type == EntityTypes.Organisation).ToList(), EntityTypes.Organisation);
        groups.AddRange(MergeAcronyms(orgs));

        return groups
            .Select(g =>
            {
                var mentions = g.Spans.OrderBy(s => s.Start).Select(s => new Mention(s.Start, s.End, text[s.Start..s.End])).ToList();
                return new Entity(g.Canonical, g.Type, mentions.Count, mentions);
            })
            .OrderByDescending(e => e.Count)
            .ThenBy(e => e.Mentions[0].Start)
            .ToList();
    }

    private static int WordCount(string name) => name.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;

    private static string[] NameParts(string name) =>
        name.Split([' ', '.'], StringSplitOptions.RemoveEmptyEntries);

    private static bool IsInitial(string part) => part.Length == 1 && char.IsUpper(part[0]);

    /// <summary>True when the shorter name can refer to the same person as the longer one.</summary>
    internal static bool Compatible(string[] shorter, string[] longer)
    {
        if (shorter.Length == 0 || shorter.Length > longer.Length) return false;
        if (shorter.Length == 1)
        {
            var w = shorter[0];
            if (string.Equals(w, longer[^1], StringComparison.OrdinalIgnoreCase)) return true;
            // A given name alone ("Sergey") when the longer name starts with it.
            return longer.Length > 1 && !IsInitial(longer[0]) && w.Length > 2
                && string.Equals(w, longer[0], StringComparison.OrdinalIgnoreCase);
        }
        if (!string.Equals(shorter[^1], longer[^1], StringComparison.OrdinalIgnoreCase)) return false;
        for (var k = 2; k <= shorter.Length; k++)
        {
            var s = shorter[^k];
            var l = longer[^k];
            if (string.Equals(s, l, StringComparison.OrdinalIgnoreCase)) continue;
            if (IsInitial(s) && char.ToUpperInvariant(l[0]) == s[0]) continue;
            if (IsInitial(l) && char.ToUpperInvariant(s[0]) == l[0]) continue;
            return false;
        }
        return true;
    }

    private static List<Group> GroupPeople(List<EntitySpan> spans)
    {
        var groups = new List<Group>();
        // Longest names first, so that short forms attach to an existing full name.
        var forms = spans.GroupBy(s => s.Name)
            .OrderByDescending(g => NameParts(g.Key).Length)
            .ThenByDescending(g => g.Key.Length)
            .ThenBy(g => g.Min(s => s.Start));
        foreach (var form in forms)
        {
            var parts = NameParts(form.Key);
            var id = form.Select(s => s.GazetteerId).FirstOrDefault(x => x is not null);
            var candidates = groups.Where(g => (id is not null && g.GazetteerId == id)
                || Compatible(parts, NameParts(g.Canonical))).ToList();
            Group target;
            if (candidates.Count == 0)
            {
                target = new Group(EntityTypes.Person);
                groups.Add(target);
            }
            else
            {
                // Ambiguous short form ("Gandhi" with "Rahul Gandhi" and "Sonia Gandhi"): the person named most often.
                target = candidates.OrderByDescending(g => g.Spans.Count).First();
            }
            target.Spans.AddRange(form);
            target.GazetteerId ??= id;
        }
        return groups;
    }

    private static List<Group> GroupByIdentity(List<EntitySpan> spans, string type)
    {
        var groups = new Dictionary<string, Group>(StringComparer.OrdinalIgnoreCase);
        foreach (var s in spans)
        {
            var key = s.GazetteerId ?? "name:" + s.Name;
            if (!groups.TryGetValue(key, out var g)) groups[key] = g = new Group(type) { GazetteerId = s.GazetteerId };
            g.Spans.Add(s);
        }
        return groups.Values.ToList();
    }

    internal static string Initials(string name) =>
        string.Concat(name.Split([' ', '-'], StringSplitOptions.RemoveEmptyEntries)
            .Where(w => !MinorWords.Contains(w) && char.IsLetter(w[0]))
            .Select(w => char.ToUpperInvariant(w[0])));

    private static bool IsAcronym(string name) =>
        name.Length is >= 2 and <= 8 && !name.Contains(' ') && name.All(c => char.IsUpper(c) || char.IsDigit(c));

    private static List<Group> MergeAcronyms(List<Group> orgs)
    {
        foreach (var acronym in orgs.Where(g => g.Spans.All(s => IsAcronym(s.Name))).ToList())
        {
            var letters = acronym.Spans[0].Name;
            var full = orgs.FirstOrDefault(g => g != acronym && g.Spans.Any(s => s.Name.Contains(' ') && Initials(s.Name) == letters));
            if (full is null) continue;
            full.Spans.AddRange(acronym.Spans);
            orgs.Remove(acronym);
        }
        return orgs;
    }
}
