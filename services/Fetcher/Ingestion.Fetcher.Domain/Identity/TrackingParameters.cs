namespace Ingestion.Fetcher.Domain.Identity;

/// <summary>Query parameters that only say how a reader arrived at a page, never which page it is.</summary>
public static class TrackingParameters
{
    private static readonly HashSet<string> Names = new(StringComparer.OrdinalIgnoreCase)
    {
        // Google Ads / Analytics
        "gclid", "gclsrc", "dclid", "gbraid", "wbraid", "_ga", "_gl",
        // Facebook, Instagram, Twitter, TikTok, LinkedIn
        "fbclid", "igshid", "igsh", "twclid", "ttclid", "li_fat_id", "ref_src", "ref_url",
        // Microsoft, Yandex
        "msclkid", "yclid", "ysclid",
        // Mailchimp, HubSpot, Marketo, Vero, Outbrain/Olytics, Drip, Klaviyo
        "mc_cid", "mc_eid", "_hsenc", "_hsmi", "__hstc", "__hssc", "__hsfp", "hsctatracking",
        "mkt_tok", "vero_id", "vero_conv", "oly_anon_id", "oly_enc_id", "__s", "_kx",
        // publishers' campaign tags
        "ncid", "ocid", "cmpid", "sr_share", "at_medium", "at_campaign", "at_custom1", "at_custom2",
        "at_custom3", "at_custom4", "wt.mc_id", "wt_mc", "s_cid", "spm",
    };

    /// <summary>True when <paramref name="name"/> (as it appears in the query, not decoded) is a tracking parameter.</summary>
    public static bool IsTracking(string name)
    {
        if (name.Length == 0) return false;
        if (name.StartsWith("utm_", StringComparison.OrdinalIgnoreCase)) return true;
        if (name.StartsWith("pk_", StringComparison.OrdinalIgnoreCase)) return true;   // Matomo / Piwik campaigns
        return Names.Contains(name);
    }
}
