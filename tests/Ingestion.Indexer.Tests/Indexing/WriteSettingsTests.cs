using Ingestion.Indexer.Indexing;
using Xunit;

namespace Ingestion.Indexer.Tests.Indexing;

public sealed class WriteSettingsTests
{
    [Fact]
    public void Only_a_backlogs_batches_get_the_bulk_pending_list_limit()
    {
        Assert.Null(WriteSettings.For(1, 100, 65536));
        Assert.Null(WriteSettings.For(99, 100, 65536));
        Assert.Equal("set local gin_pending_list_limit = 65536", WriteSettings.For(100, 100, 65536));
    }

    [Fact]
    public void Zero_leaves_the_servers_limit_and_the_limit_is_at_least_PostgreSQLs_minimum()
    {
        Assert.Null(WriteSettings.For(500, 100, 0));
        Assert.Equal("set local gin_pending_list_limit = 64", WriteSettings.For(500, 100, 10));
    }
}
