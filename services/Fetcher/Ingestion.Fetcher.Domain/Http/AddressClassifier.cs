using System.Net;
using System.Net.Sockets;

namespace Ingestion.Fetcher.Domain.Http;

/// <summary>Classifies IPv4 and IPv6 addresses (IPv4-mapped, IPv4-compatible, NAT64 and 6to4 addresses by the IPv4 address they
/// carry).</summary>
public static class AddressClassifier
{
    public static AddressClass Classify(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (address.IsIPv4MappedToIPv6) return ClassifyV4(address.MapToIPv4().GetAddressBytes());
        return address.AddressFamily switch
        {
            AddressFamily.InterNetwork => ClassifyV4(address.GetAddressBytes()),
            AddressFamily.InterNetworkV6 => ClassifyV6(address.GetAddressBytes()),
            _ => AddressClass.Reserved,
        };
    }

    /// <summary>True when <paramref name="addressClass"/> may be connected to under <paramref name="limits"/>.</summary>
    public static bool IsAllowed(AddressClass addressClass, FetchLimits limits) => addressClass switch
    {
        AddressClass.Public => true,
        AddressClass.Loopback => limits.AllowLoopback,
        AddressClass.Private or AddressClass.CarrierGradeNat or AddressClass.LinkLocal => limits.AllowPrivate,
        _ => false,
    };

    private static AddressClass ClassifyV4(byte[] b)
    {
        var (a0, a1, a2, a3) = (b[0], b[1], b[2], b[3]);
        return a0 switch
        {
            0 => AddressClass.Unspecified,
            10 => AddressClass.Private,
            100 when (a1 & 0xC0) == 64 => AddressClass.CarrierGradeNat,
            127 => AddressClass.Loopback,
            169 when a1 == 254 => AddressClass.LinkLocal,
            172 when (a1 & 0xF0) == 16 => AddressClass.Private,
            192 when a1 == 0 && a2 == 0 => AddressClass.Reserved,
            192 when a1 == 0 && a2 == 2 => AddressClass.Documentation,
            192 when a1 == 88 && a2 == 99 => AddressClass.Reserved,
            192 when a1 == 168 => AddressClass.Private,
            198 when (a1 & 0xFE) == 18 => AddressClass.Benchmarking,
            198 when a1 == 51 && a2 == 100 => AddressClass.Documentation,
            203 when a1 == 0 && a2 == 113 => AddressClass.Documentation,
            255 when a1 == 255 && a2 == 255 && a3 == 255 => AddressClass.Broadcast,
            >= 224 and <= 239 => AddressClass.Multicast,
            >= 240 => AddressClass.Reserved,
            _ => AddressClass.Public,
        };
    }

    private static AddressClass ClassifyV6(byte[] b)
    {
        var allZeroPrefix96 = true;
        for (var i = 0; i < 12; i++) if (b[i] != 0) { allZeroPrefix96 = false; break; }
        if (allZeroPrefix96)
        {
            if (b[12] == 0 && b[13] == 0 && b[14] == 0 && b[15] == 0) return AddressClass.Unspecified; // ::
            if (b[12] == 0 && b[13] == 0 && b[14] == 0 && b[15] == 1) return AddressClass.Loopback;   // ::1
            var embedded = ClassifyV4(b[12..16]);                                                       // ::a.b.c.d (deprecated)
            return embedded == AddressClass.Public ? AddressClass.Reserved : embedded;
        }
        if (b[0] == 0xFF) return AddressClass.Multicast;                                     // ff00::/8
        if (b[0] == 0xFE && (b[1] & 0xC0) == 0x80) return AddressClass.LinkLocal;            // fe80::/10
        if (b[0] == 0xFE && (b[1] & 0xC0) == 0xC0) return AddressClass.Private;              // fec0::/10 site-local
        if ((b[0] & 0xFE) == 0xFC) return AddressClass.Private;                              // fc00::/7 unique local
        if (b[0] == 0x00 && b[1] == 0x64 && b[2] == 0xFF && b[3] == 0x9B)                     // 64:ff9b::/96 NAT64, 64:ff9b:1::/48
            return ClassifyV4(b[12..16]);
        if (b[0] == 0x01 && b[1] == 0x00 && b.AsSpan(2, 6).IndexOfAnyExcept((byte)0) < 0) return AddressClass.Reserved; // 100::/64 discard
        if (b[0] == 0x20 && b[1] == 0x01 && b[2] == 0x0D && b[3] == 0xB8) return AddressClass.Documentation;            // 2001:db8::/32
        if (b[0] == 0x20 && b[1] == 0x01 && b[2] == 0x00 && b[3] == 0x00) return AddressClass.Reserved;                 // 2001::/32 Teredo
        if (b[0] == 0x20 && b[1] == 0x01 && b[2] == 0x00 && (b[3] & 0xF0) is 0x10 or 0x20) return AddressClass.Reserved; // ORCHID v1/v2
        if (b[0] == 0x20 && b[1] == 0x02) return ClassifyV4(b[2..6]);                       // 2002::/16 6to4
        if (b[0] == 0x3F && b[1] == 0xFF && (b[2] & 0xF0) == 0x00) return AddressClass.Documentation;                  // 3fff::/20
        if ((b[0] & 0xE0) != 0x20) return AddressClass.Reserved;                             // outside 2000::/3 global unicast
        return AddressClass.Public;
    }
}
