using Ingestion.Indexer.Indexing;

namespace Ingestion.Indexer.Tests.Indexing;

public class EventIdTests
{
    [Fact]
    public void Same_revision_same_id_other_revision_other_id()
    {
        Assert.Equal(EventIds.For("a1", 1), EventIds.For("a1", 1));
        Assert.NotEqual(EventIds.For("a1", 1), EventIds.For("a1", 2));
        Assert.NotEqual(EventIds.For("a1", 1), EventIds.For("a2", 1));
    }
}
