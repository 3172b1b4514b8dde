using System.Net;
using Ingestion.Fetcher.Domain.Http;

namespace Ingestion.Fetcher.Tests.Http;

/// <summary>Classification only: no connection is made to any of these addresses.</summary>
public class AddressClassifierTests
{
    [Theory]
    // IPv4
    [InlineData("8.8.8.8", AddressClass.Public)]
    [InlineData("93.184.216.34", AddressClass.Public)]
    [InlineData("0.0.0.0", AddressClass.Unspecified)]
    [InlineData("0.1.2.3", AddressClass.Unspecified)]
    [InlineData("10.0.0.1", AddressClass.Private)]
    [InlineData("10.255.255.255", AddressClass.Private)]
    [InlineData("100.63.255.255", AddressClass.Public)]
    [InlineData("100.64.0.1", AddressClass.CarrierGradeNat)]
    [InlineData("100.127.255.255", AddressClass.CarrierGradeNat)]
    [InlineData("100.128.0.0", AddressClass.Public)]
    [InlineData("127.0.0.1", AddressClass.Loopback)]
    [InlineData("127.255.0.9", AddressClass.Loopback)]
    [InlineData("169.254.169.254", AddressClass.LinkLocal)]
    [InlineData("172.15.255.255", AddressClass.Public)]
    [InlineData("172.16.0.1", AddressClass.Private)]
    [InlineData("172.31.255.255", AddressClass.Private)]
    [InlineData("172.32.0.0", AddressClass.Public)]
    [InlineData("192.0.0.8", AddressClass.Reserved)]
    [InlineData("192.0.2.1", AddressClass.Documentation)]
    [InlineData("192.88.99.1", AddressClass.Reserved)]
    [InlineData("192.168.1.1", AddressClass.Private)]
    [InlineData("198.18.0.1", AddressClass.Benchmarking)]
    [InlineData("198.19.255.255", AddressClass.Benchmarking)]
    [InlineData("198.51.100.7", AddressClass.Documentation)]
    [InlineData("203.0.113.9", AddressClass.Documentation)]
    [InlineData("224.0.0.1", AddressClass.Multicast)]
    [InlineData("239.255.255.250", AddressClass.Multicast)]
    [InlineData("240.0.0.1", AddressClass.Reserved)]
    [InlineData("255.255.255.255", AddressClass.Broadcast)]
    // IPv6
    [InlineData("::", AddressClass.Unspecified)]
    [InlineData("::1", AddressClass.Loopback)]
    [InlineData("2606:4700:4700::1111", AddressClass.Public)]
    [InlineData("2001:4860:4860::8888", AddressClass.Public)]
    [InlineData("fc00::1", AddressClass.Private)]
    [InlineData("fd12:3456:789a::1", AddressClass.Private)]
    [InlineData("fec0::1", AddressClass.Private)]
    [InlineData("fe80::1", AddressClass.LinkLocal)]
    [InlineData("febf::1", AddressClass.LinkLocal)]
    [InlineData("ff02::1", AddressClass.Multicast)]
    [InlineData("2001:db8::1", AddressClass.Documentation)]
    [InlineData("2001:0:4136:e378::1", AddressClass.Reserved)]
    [InlineData("100::1", AddressClass.Reserved)]
    [InlineData("4000::1", AddressClass.Reserved)]
    // IPv4 carried in IPv6
    [InlineData("::ffff:127.0.0.1", AddressClass.Loopback)]
    [InlineData("::ffff:10.1.2.3", AddressClass.Private)]
    [InlineData("::ffff:169.254.169.254", AddressClass.LinkLocal)]
    [InlineData("::ffff:8.8.8.8", AddressClass.Public)]
    [InlineData("::127.0.0.1", AddressClass.Loopback)]
    [InlineData("64:ff9b::a00:1", AddressClass.Private)]
    [InlineData("64:ff9b::808:808", AddressClass.Public)]
    [InlineData("2002:7f00:1::1", AddressClass.Loopback)]
    [InlineData("2002:c0a8:101::1", AddressClass.Private)]
    public void Classifies(string address, AddressClass expected) =>
        Assert.Equal(expected, AddressClassifier.Classify(IPAddress.Parse(address)));

    [Fact]
    public void OnlyPublicIsAllowedByDefault()
    {
        var limits = new FetchLimits();
        foreach (var c in Enum.GetValues<AddressClass>())
            Assert.Equal(c == AddressClass.Public, AddressClassifier.IsAllowed(c, limits));
    }

    [Fact]
    public void SwitchesOpenOnlyTheirClasses()
    {
        var loopback = new FetchLimits { AllowLoopback = true };
        Assert.True(AddressClassifier.IsAllowed(AddressClass.Loopback, loopback));
        Assert.False(AddressClassifier.IsAllowed(AddressClass.Private, loopback));

        var intranet = new FetchLimits { AllowPrivate = true };
        Assert.True(AddressClassifier.IsAllowed(AddressClass.Private, intranet));
        Assert.True(AddressClassifier.IsAllowed(AddressClass.CarrierGradeNat, intranet));
        Assert.False(AddressClassifier.IsAllowed(AddressClass.Loopback, intranet));
        Assert.False(AddressClassifier.IsAllowed(AddressClass.Unspecified, new FetchLimits { AllowPrivate = true, AllowLoopback = true }));
        Assert.False(AddressClassifier.IsAllowed(AddressClass.Multicast, new FetchLimits { AllowPrivate = true, AllowLoopback = true }));
    }
}
