using Ingestion.Contracts;
using Ingestion.Indexer.Domain.IndexTerms;
using Ingestion.Indexer.Domain.Search;

namespace Ingestion.Indexer.Tests.IndexTerms;

public class EntityKeysTests
{
    [Fact]
    public void Keys_are_lower_case_names_and_tags_keep_the_canonical_name_in_the_entities_order()
    {
        static Entity E(string? name, string? type) => new(name!, type!, 1, []);
        var (keys, tags) = EntityKeys.Of([E("Élysée Palace", "loc"), E(null, "ORG"), E("Arctic Council", "ORG"), E("x", null)]);
        Assert.Equal(["LOC:élysée palace", "ORG:arctic council"], keys);
        Assert.Equal(["LOC:Élysée Palace", "ORG:Arctic Council"], tags);
        // The entity filter asks for exactly the keys the writer stored.
        Assert.Contains(keys[0], new EntityFilter("ÉLYSÉE PALACE", "LOC").Keys);
    }
}
