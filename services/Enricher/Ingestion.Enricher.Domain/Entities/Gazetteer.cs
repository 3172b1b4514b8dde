using Ingestion.Enricher.Domain.Resources;

namespace Ingestion.Enricher.Domain.Entities;

/// <summary>A listed name: its type, the id shared by all its aliases, and the spelling as listed.</summary>
public sealed record GazetteerEntry(string Type, string Id, string Form);

/// <summary>
/// The embedded word lists: place, organisation and person names with aliases, given names, demonyms, titles, name
/// patterns and context cues. Immutable after construction; load once (see <see cref="Default"/>) and share.
/// </summary>
public sealed class Gazetteer
{
    private static readonly Lazy<Gazetteer> Lazy = new(() => new Gazetteer(), LazyThreadSafetyMode.ExecutionAndPublication);
    public static Gazetteer Default => Lazy.Value;

    private readonly Dictionary<string, GazetteerEntry> names = new(StringComparer.Ordinal);
    private readonly Dictionary<string, GazetteerEntry> namesIgnoreCase = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> firstWords = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The first word (up to the first space) of every listed name, case-insensitive: a cheap pre-check
    /// before joining words to look a name up.</summary>
    public IReadOnlySet<string> FirstWords => firstWords;

    public int MaxNameWords { get; private set; }
    public IReadOnlySet<string> FirstNames { get; }
    /// <summary>Last words of listed people ("Putin"), recognised alone as PER.</summary>
    public IReadOnlyDictionary<string, GazetteerEntry> Surnames { get; }
    public IReadOnlySet<string> Demonyms { get; }
    public IReadOnlySet<string> TitleHeads { get; }
    public IReadOnlySet<string> WeakTitleHeads { get; }
    public IReadOnlySet<string> TitleModifiers { get; }
    public IReadOnlySet<string> TitleRemits { get; }
    public IReadOnlySet<string> TitleOfHeads { get; }
    public IReadOnlySet<string> OrgSuffixes { get; }
    public IReadOnlySet<string> OrgPrefixes { get; }
    public IReadOnlySet<string> LocSuffixes { get; }
    public IReadOnlySet<string> LocPrefixes { get; }
    public IReadOnlySet<string> MiscSuffixes { get; }
    public IReadOnlySet<string> SpeechVerbs { get; }
    public IReadOnlySet<string> LocPrepositions { get; }
    public IReadOnlySet<string> NonEntities { get; }
    public IReadOnlySet<string> NonEntityAcronyms { get; }
    public IReadOnlySet<string> SentenceStarters { get; }
    /// <summary>English stopwords, lower-case.</summary>
    public IReadOnlySet<string> Stopwords { get; }

    private Gazetteer()
    {
        LoadNames("countries.txt", EntityTypes.Location);
        LoadNames("cities.txt", EntityTypes.Location);
        LoadNames("regions.txt", EntityTypes.Location);
        LoadNames("organisations.txt", EntityTypes.Organisation);
        LoadNames("persons.txt", EntityTypes.Person);

        var surnames = new Dictionary<string, GazetteerEntry>(StringComparer.Ordinal);
        foreach (var line in EmbeddedText.Lines("persons.txt"))
        {
            var forms = line.Split('|', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            foreach (var form in forms)
            {
                var words = form.Split(' ');
                var last = words[^1];
                if (words.Length > 1 && last.Length >= 2 && !this.names.ContainsKey(last))
                    surnames.TryAdd(last, new GazetteerEntry(EntityTypes.Person, "PER:" + forms[0], last));
            }
        }
        Surnames = surnames;

        FirstNames = Set(EmbeddedText.Words(EmbeddedText.Lines("first-names.txt")));
        Demonyms = Set(EmbeddedText.Words(EmbeddedText.Lines("demonyms.txt")));

        var titles = EmbeddedText.Sections("titles.txt");
        TitleHeads = Set(EmbeddedText.Words(titles["head"]));
        WeakTitleHeads = Set(EmbeddedText.Words(titles["weak"]));
        TitleModifiers = Set(EmbeddedText.Words(titles["modifier"]));
        TitleRemits = Set(EmbeddedText.Words(titles["remit"]));

        var patterns = EmbeddedText.Sections("patterns.txt");
        OrgSuffixes = Set(EmbeddedText.Words(patterns["org-suffix"]));
        OrgPrefixes = Set(EmbeddedText.Words(patterns["org-prefix"]));
        LocSuffixes = Set(EmbeddedText.Words(patterns["loc-suffix"]));
        LocPrefixes = Set(EmbeddedText.Words(patterns["loc-prefix"]));
        MiscSuffixes = Set(EmbeddedText.Words(patterns["misc-suffix"]));
        TitleOfHeads = Set(EmbeddedText.Words(patterns["title-of-head"]));

        var cues = EmbeddedText.Sections("cues.txt");
        SpeechVerbs = Set(EmbeddedText.Words(cues["speech-verb"]), StringComparer.OrdinalIgnoreCase);
        LocPrepositions = Set(EmbeddedText.Words(cues["loc-preposition"]), StringComparer.OrdinalIgnoreCase);
        NonEntities = Set(EmbeddedText.Words(cues["non-entity"]));
        NonEntityAcronyms = Set(EmbeddedText.Words(cues["non-entity-acronym"]));
        SentenceStarters = Set(EmbeddedText.Words(cues["sentence-starter"]));
        Stopwords = Set(EmbeddedText.Words(EmbeddedText.Lines("stopwords-en.txt")).Select(w => w.ToLowerInvariant()));
    }

    private static HashSet<string> Set(IEnumerable<string> words, StringComparer? comparer = null) =>
        new(words, comparer ?? StringComparer.Ordinal);

    private void LoadNames(string file, string type)
    {
        foreach (var line in EmbeddedText.Lines(file))
        {
            var forms = line.Split('|', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            if (forms.Length == 0) continue;
            var id = type + ":" + forms[0];
            foreach (var form in forms)
            {
                // The first list that names a form wins ("Hong Kong" is listed as a country and as a city).
                var entry = new GazetteerEntry(type, id, form);
                if (this.names.TryAdd(form, entry))
                {
                    firstWords.Add(form.Split(' ')[0]);
                    namesIgnoreCase.TryAdd(form, entry);
                    MaxNameWords = Math.Max(MaxNameWords, form.Count(c => c == ' ') + 1);
                }
            }
        }
    }

    /// <summary>
    /// Looks a name up. Mixed-case text must match a listed spelling exactly; text in capitals ("NEW DELHI", "WHO")
    /// matches case-insensitively, and the entry's <see cref="GazetteerEntry.Form"/> gives the listed spelling.
    /// </summary>
    public GazetteerEntry? Lookup(string name, bool shouted)
    {
        if (names.TryGetValue(name, out var e)) return e;
        if (shouted && namesIgnoreCase.TryGetValue(name, out e)) return e;
        return null;
    }

    public bool IsTitleWord(string word) => TitleHeads.Contains(word) || TitleModifiers.Contains(word) || word == ".";
    public bool IsStopword(string word) => Stopwords.Contains(word.ToLowerInvariant());
}
