using System.Net.Sockets;
using System.Text.Json;
using Ingestion.Hosting.Resilience;
using MassTransit;
using Npgsql;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;
using RabbitMQ.Client.Exceptions;

namespace Ingestion.Hosting.Tests;

/// <summary>Which failures are a dependency being away (wait for it) and which are the message's own (retry, then _error).</summary>
public sealed class TransientFaultsTests
{
    static PostgresException Server(string sqlState) => new("message", "FATAL", "FATAL", sqlState);

    [Theory]
    [InlineData("57P01")] // admin_shutdown: the server is being stopped or restarted
    [InlineData("57P02")] // crash_shutdown
    [InlineData("57P03")] // cannot_connect_now: starting up or in recovery
    [InlineData("57014")] // query_canceled: a statement timeout
    [InlineData("08006")] // connection_failure
    [InlineData("08001")] // sqlclient_unable_to_establish_sqlconnection
    [InlineData("25006")] // read_only_sql_transaction: a standby after a failover
    [InlineData("53300")] // too_many_connections
    [InlineData("53100")] // disk_full
    [InlineData("40001")] // serialization_failure
    [InlineData("40P01")] // deadlock_detected
    [InlineData("55P03")] // lock_not_available
    [InlineData("58030")] // io_error
    public void Server_states_of_a_passing_condition_are_postgres_being_away(string sqlState) =>
        Assert.Equal(Dependency.Postgres, TransientFaults.Of(Server(sqlState)));

    [Theory]
    [InlineData("23505")] // unique_violation
    [InlineData("23514")] // check_violation
    [InlineData("22P02")] // invalid_text_representation: a value the database refuses
    [InlineData("22001")] // string_data_right_truncation
    [InlineData("54000")] // program_limit_exceeded (a tsvector too long)
    [InlineData("42P01")] // undefined_table: a bug, not an outage
    [InlineData("42601")] // syntax_error
    public void Server_states_of_the_statement_are_not_transient(string sqlState) =>
        Assert.Null(TransientFaults.Of(Server(sqlState)));

    [Fact]
    public void Connection_failures_and_timeouts_of_npgsql_are_postgres_being_away()
    {
        Assert.Equal(Dependency.Postgres,
            TransientFaults.Of(new NpgsqlException("Failed to connect", new SocketException((int)SocketError.ConnectionRefused))));
        Assert.Equal(Dependency.Postgres,
            TransientFaults.Of(new NpgsqlException("Exception while reading from stream", new EndOfStreamException())));
        Assert.Equal(Dependency.Postgres, TransientFaults.Of(new NpgsqlException("The operation has timed out", new TimeoutException())));
        Assert.Equal(Dependency.Postgres, TransientFaults.Of(new NpgsqlException("broken", new IOException("reset"))));
    }

    [Fact]
    public void A_fault_is_found_inside_wrappers_and_aggregates()
    {
        var inner = Server("57P01");
        Assert.Equal(Dependency.Postgres, TransientFaults.Of(new InvalidOperationException("wrapped", inner)));
        Assert.Equal(Dependency.Postgres, TransientFaults.Of(new AggregateException(new InvalidDataException("x"), inner)));
        Assert.Null(TransientFaults.Of(new AggregateException(new InvalidDataException("x"), new FormatException())));
    }

    [Fact]
    public void Broker_connection_and_channel_losses_are_the_broker_being_away()
    {
        Assert.Equal(Dependency.Broker, TransientFaults.Of(new BrokerUnreachableException(new SocketException())));
        Assert.Equal(Dependency.Broker,
            TransientFaults.Of(new AlreadyClosedException(Closed(320, "CONNECTION_FORCED - broker forced connection closure"))));
        Assert.Equal(Dependency.Broker, TransientFaults.Of(new OperationInterruptedException(Closed(320, "CONNECTION_FORCED"))));
        Assert.Equal(Dependency.Broker, TransientFaults.Of(new RabbitMqConnectionException("Connect failed")));
        Assert.Equal(Dependency.Broker, TransientFaults.Of(new TransportUnavailableException("not connected")));
        Assert.Equal(Dependency.Broker, TransientFaults.Of(new MessageNotAcknowledgedException(new Uri("rabbitmq://localhost/x"), "nack")));
        // No queue is bound yet: the next stage has not been deployed; it will be.
        Assert.Equal(Dependency.Broker, TransientFaults.Of(new MessageReturnedException("NO_ROUTE", new Exception("returned"))));
    }

    [Fact]
    public void A_channel_closed_for_the_callers_own_mistake_is_not_transient()
    {
        Assert.Null(TransientFaults.Of(new OperationInterruptedException(Closed(404, "NOT_FOUND - no exchange"))));
        Assert.Null(TransientFaults.Of(new OperationInterruptedException(Closed(406, "PRECONDITION_FAILED - inequivalent arg"))));
        Assert.Null(TransientFaults.Of(new AlreadyClosedException(Closed(404, "NOT_FOUND - no exchange"))));
    }

    [Fact]
    public void A_channel_the_library_closed_after_a_network_failure_is_the_broker_being_away() =>
        Assert.Equal(Dependency.Broker, TransientFaults.Of(new AlreadyClosedException(
            new ShutdownEventArgs(ShutdownInitiator.Library, 0, "End of stream"))));

    [Fact]
    public void A_channel_closed_for_the_callers_own_mistake_is_not_transient_whatever_the_wrapper()
    {
        Assert.Null(TransientFaults.Of(new InvalidOperationException("publish failed", new OperationInterruptedException(Closed(404, "NOT_FOUND")))));
    }

    [Fact]
    public void Bad_messages_and_bugs_are_not_transient()
    {
        Assert.Null(TransientFaults.Of(new InvalidDataException("The archive entry was compressed using an unsupported compression method.")));
        Assert.Null(TransientFaults.Of(new JsonException("bad")));
        Assert.Null(TransientFaults.Of(new NullReferenceException()));
        Assert.Null(TransientFaults.Of(new ArgumentException("bad")));
        // A bare socket error or timeout is not the database's or the broker's (the fetcher's sites raise those).
        Assert.Null(TransientFaults.Of(new HttpRequestException("site down", new SocketException())));
        Assert.Null(TransientFaults.Of(new TimeoutException()));
        Assert.Null(TransientFaults.Of(null));
    }

    static ShutdownEventArgs Closed(ushort code, string text) => new(ShutdownInitiator.Peer, code, text);
}
