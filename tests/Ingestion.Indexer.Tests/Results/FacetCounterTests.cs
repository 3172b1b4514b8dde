using Ingestion.Indexer.Domain.Results;

namespace Ingestion.Indexer.Tests.Results;

public sealed class FacetCounterTests
{
    [Fact]
    public void Counts_each_article_once_per_value_most_frequent_first_ties_by_value()
    {
        var counts = FacetCounter.Count(
        [
            new FacetRow("c", "Courier", "en", ["LOC:oslo", "PER:ada lovelace", "LOC:oslo"]),
            new FacetRow("a", "Herald", null, ["LOC:oslo", "ORG:nato"]),
            new FacetRow("b", "Courier", "sv", ["ORG:nato", "PER:ada lovelace"]),
            new FacetRow("d", "Courier", "en", []),
        ]);

        Assert.Equal(
            [new FacetCount("LOC:oslo", 2, "a"), new FacetCount("ORG:nato", 2, "a"), new FacetCount("PER:ada lovelace", 2, "b")],
            counts.Entities);
        Assert.Equal([new FacetCount("Courier", 3, "b"), new FacetCount("Herald", 1, "a")], counts.Sources);
        Assert.Equal([new FacetCount("en", 2, "c"), new FacetCount("sv", 1, "b"), new FacetCount("und", 1, "a")], counts.Languages);
    }

    [Fact]
    public void Keeps_the_top_ten_values()
    {
        var rows = Enumerable.Range(0, 30).Select(i => new FacetRow($"id{i:D2}", $"source {i % 12:D2}", "en", [$"ORG:org {i % 15:D2}"]));
        var counts = FacetCounter.Count(rows);

        Assert.Equal(FacetCounter.Top, counts.Entities.Count);
        Assert.Equal(FacetCounter.Top, counts.Sources.Count);
        Assert.All(counts.Entities, e => Assert.Equal(2, e.Count));
        Assert.Equal("ORG:org 00", counts.Entities[0].Value);
        Assert.Equal([3, 3, 3, 3, 3, 3, 2, 2, 2, 2], counts.Sources.Select(s => s.Count));
    }

    [Fact]
    public void No_rows_no_values()
    {
        var counts = FacetCounter.Count([]);
        Assert.Empty(counts.Entities);
        Assert.Empty(counts.Sources);
        Assert.Empty(counts.Languages);
    }
}
