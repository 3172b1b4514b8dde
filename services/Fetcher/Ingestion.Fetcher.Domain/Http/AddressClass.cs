namespace Ingestion.Fetcher.Domain.Http;

/// <summary>What kind of network an IP address belongs to; only <see cref="Public"/> is fetched from by default.</summary>
public enum AddressClass
{
    /// <summary>Globally routable unicast.</summary>
    Public,
    /// <summary>127.0.0.0/8, ::1.</summary>
    Loopback,
    /// <summary>RFC 1918 (10/8, 172.16/12, 192.168/16), IPv6 unique local fc00::/7 and deprecated site-local fec0::/10.</summary>
    Private,
    /// <summary>169.254/16 (cloud metadata lives here), fe80::/10.</summary>
    LinkLocal,
    /// <summary>224/4, ff00::/8.</summary>
    Multicast,
    /// <summary>Reserved or special-purpose: 240/4, 192.0.0/24, 192.88.99/24, IPv6 outside 2000::/3, Teredo, ORCHID,
    /// discard-only.</summary>
    Reserved,
    /// <summary>0.0.0.0/8 ("this network"; connecting to 0.0.0.0 reaches the local host), ::.</summary>
    Unspecified,
    /// <summary>100.64/10 (RFC 6598 shared address space).</summary>
    CarrierGradeNat,
    /// <summary>192.0.2/24, 198.51.100/24, 203.0.113/24, 2001:db8::/32.</summary>
    Documentation,
    /// <summary>198.18/15 (RFC 2544).</summary>
    Benchmarking,
    /// <summary>255.255.255.255.</summary>
    Broadcast,
}
