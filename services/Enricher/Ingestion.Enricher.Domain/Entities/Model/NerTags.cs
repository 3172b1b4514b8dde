namespace Ingestion.Enricher.Domain.Entities.Model;

/// <summary>The BIO tag set of the trained recogniser: O, then B-/I- for PER, ORG and LOC.</summary>
public static class NerTags
{
    public static readonly string[] Names = ["O", "B-PER", "I-PER", "B-ORG", "I-ORG", "B-LOC", "I-LOC"];
    public const int Count = 7;
    public const int O = 0;

    /// <summary>The tag index of a CoNLL/IOB tag; MISC and anything unknown become O, IOB1 "I-X" is kept as I-X.</summary>
    public static int Parse(string tag)
    {
        var i = Array.IndexOf(Names, tag);
        return i < 0 ? O : i;
    }

    /// <summary>"PER", "ORG", "LOC" of a tag, or null for O.</summary>
    public static string? TypeOf(int tag) => tag == O ? null : Names[tag][2..];

    public static bool IsBegin(int tag) => tag != O && tag % 2 == 1;

    /// <summary>I-X may follow only B-X or I-X (B-X is the index before I-X).</summary>
    public static bool Allowed(int previous, int tag) =>
        tag == O || IsBegin(tag) || previous == tag || previous == tag - 1;

    /// <summary>Repairs IOB1 ("I-PER" opening a name) into IOB2.</summary>
    public static void ToIob2(int[] tags)
    {
        for (var i = 0; i < tags.Length; i++)
            if (tags[i] != O && !IsBegin(tags[i]) && !Allowed(i == 0 ? O : tags[i - 1], tags[i])) tags[i] -= 1;
    }

    /// <summary>Token ranges [First, End) with their type, from a BIO tag sequence.</summary>
    public static List<(int First, int End, string Type)> Spans(IReadOnlyList<int> tags)
    {
        var spans = new List<(int, int, string)>();
        var i = 0;
        while (i < tags.Count)
        {
            if (tags[i] == O) { i++; continue; }
            var type = TypeOf(tags[i])!;
            var j = i + 1;
            while (j < tags.Count && !IsBegin(tags[j]) && tags[j] != O && TypeOf(tags[j]) == type) j++;
            spans.Add((i, j, type));
            i = j;
        }
        return spans;
    }
}
