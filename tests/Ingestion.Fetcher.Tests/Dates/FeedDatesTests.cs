using Ingestion.Fetcher.Domain.Dates;

namespace Ingestion.Fetcher.Tests.Dates;

public class FeedDatesTests
{
    [Theory]
    // RFC 822 / 1123
    [InlineData("Thu, 01 Jan 2004 19:48:21 GMT", "2004-01-01T19:48:21Z")]
    [InlineData("Thu, 01 Jan 04 19:48:21 GMT", "2004-01-01T19:48:21Z")]
    [InlineData("Fri, 1 Jan 99 00:00:00 GMT", "1999-01-01T00:00:00Z")]
    [InlineData("Thu,  5 Apr 2012 10:00:00 GMT", "2012-04-05T10:00:00Z")]
    [InlineData("5 Apr 2012 10:00:00 +0000", "2012-04-05T10:00:00Z")]
    [InlineData("Fri,24 Nov 2023 18:28:36 -0000", "2023-11-24T18:28:36Z")]
    [InlineData("Thu, 01 Jan 2004 00:00 GMT", "2004-01-01T00:00:00Z")]
    [InlineData("Thu, 01 Jan 2004", "2004-01-01T00:00:00Z")]
    [InlineData("Mon, 13 Feb, 2012 06:28:00 UTC", "2012-02-13T06:28:00Z")]
    [InlineData("Wed, 19 Aug 2009 18:28:00 Etc/GMT", "2009-08-19T18:28:00Z")]
    [InlineData("Wed, 19 Feb 2012 22:40:00 GMT-01:01", "2012-02-19T23:41:00Z")]
    [InlineData("Wed, 19 Feb 2012 22:40:00 -01:01", "2012-02-19T23:41:00Z")]
    [InlineData("Sat, 07 Sep 2002 00:00:01 +0530", "2002-09-06T18:30:01Z")]
    // named zones
    [InlineData("Sun, 11 Jul 2004 12:00:00 EST", "2004-07-11T17:00:00Z")]
    [InlineData("Sun, 11 Jul 2004 12:00:00 EDT", "2004-07-11T16:00:00Z")]
    [InlineData("Sun, 11 Jul 2004 12:00:00 PDT", "2004-07-11T19:00:00Z")]
    [InlineData("Sun, 11 Jul 2004 12:00:00 PST", "2004-07-11T20:00:00Z")]
    [InlineData("Sun, 11 Jul 2004 12:00:00 UT", "2004-07-11T12:00:00Z")]
    [InlineData("Sun, 11 Jul 2004 12:00:00 Z", "2004-07-11T12:00:00Z")]
    [InlineData("Thu, 30 Apr 2015 08:57:00 MET", "2015-04-30T07:57:00Z")]
    [InlineData("Thu, 30 Apr 2015 08:57:00 MEST", "2015-04-30T06:57:00Z")]
    [InlineData("Mon, 26 January 2004 16:31:00 AT", "2004-01-26T20:31:00Z")]
    [InlineData("Mon, 26 January 2004 16:31:00 ET", "2004-01-26T21:31:00Z")]
    [InlineData("Mon, 26 January 2004 16:31:00 CT", "2004-01-26T22:31:00Z")]
    [InlineData("Mon, 26 January 2004 16:31:00 MT", "2004-01-26T23:31:00Z")]
    [InlineData("Mon, 26 January 2004 16:31:00 PT", "2004-01-27T00:31:00Z")]
    // military letters (RFC 822's own signs: A = -1, N = +1)
    [InlineData("Sun, 11 Jul 2004 12:00:00 A", "2004-07-11T13:00:00Z")]
    [InlineData("Sun, 11 Jul 2004 12:00:00 N", "2004-07-11T11:00:00Z")]
    [InlineData("Sun, 11 Jul 2004 12:00:00 Y", "2004-07-11T00:00:00Z")]
    // asctime, JavaScript, Perforce, AM/PM
    [InlineData("Sun Jan  4 16:29:06 2004", "2004-01-04T16:29:06Z")]
    [InlineData("Sun Jul 15 01:16:00 +0000 2012", "2012-07-15T01:16:00Z")]
    [InlineData("Thu Aug 30 2012 17:26:16 +0200", "2012-08-30T15:26:16Z")]
    [InlineData("Thu Aug 30 2012 17:26:16 GMT+0200 (Central European Summer Time)", "2012-08-30T15:26:16Z")]
    [InlineData("Fri, 2006/09/15 08:19:53 EDT", "2006-09-15T12:19:53Z")]
    [InlineData("Mon, 06 Jan 2020 10:05 PM EST", "2020-01-07T03:05:00Z")]
    [InlineData("Thu, 01 Jan 0100 00:00:01 +0100", "0099-12-31T23:00:01Z")]
    // W3CDTF / RFC 3339
    [InlineData("2003-12-31T10:14:55Z", "2003-12-31T10:14:55Z")]
    [InlineData("2003-12-31T10:14:55-08:00", "2003-12-31T18:14:55Z")]
    [InlineData("2003-12-31T18:14:55+08:00", "2003-12-31T10:14:55Z")]
    [InlineData("2007-04-23T23:25:47.538+10:00", "2007-04-23T13:25:47.538Z")]
    [InlineData("2003-12-31", "2003-12-31T00:00:00Z")]
    [InlineData("2003-12", "2003-12-01T00:00:00Z")]
    [InlineData("2003", "2003-01-01T00:00:00Z")]
    [InlineData("2004-02-28T18:14:55-08:00", "2004-02-29T02:14:55Z")]
    [InlineData("2003-02-28T18:14:55-08:00", "2003-03-01T02:14:55Z")]
    [InlineData("2004-07-08 23:56:58 -00:20", "2004-07-09T00:16:58Z")]
    [InlineData("2004-07-08 23:56:58", "2004-07-08T23:56:58Z")]
    [InlineData("2004-07-08 23:56:58.0", "2004-07-08T23:56:58Z")]
    [InlineData("2017-01-07T09:00:01-05:00", "2017-01-07T14:00:01Z")]
    [InlineData("2015-05-03T18:51:50+01:00", "2015-05-03T17:51:50Z")]
    // ISO 8601 basic and ordinal
    [InlineData("20031231T101455Z", "2003-12-31T10:14:55Z")]
    [InlineData("2003-12-31T10:14:55.1234Z", "2003-12-31T10:14:55.1234Z")]
    [InlineData("2003-012-31T10:14:55+00:00", "2003-12-31T10:14:55Z")]
    [InlineData("2003-335", "2003-12-01T00:00:00Z")]
    [InlineData("03335", "2003-12-01T00:00:00Z")]
    [InlineData("031231", "2003-12-31T00:00:00Z")]
    [InlineData("03-12-31", "2003-12-31T00:00:00Z")]
    [InlineData("-03-12", "2003-12-01T00:00:00Z")]
    [InlineData("-0312", "2003-12-01T00:00:00Z")]
    public void Parses(string input, string expectedUtc)
    {
        Assert.True(FeedDates.TryParse(input, out var value), $"could not parse '{input}'");
        Assert.Equal(TimeSpan.Zero, value.Offset);
        Assert.Equal(DateTimeOffset.Parse(expectedUtc, System.Globalization.CultureInfo.InvariantCulture), value);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("yesterday")]
    [InlineData("Sun, 16 Dec 2012 1:2:3:4 GMT")]
    [InlineData("Sun, 16 zzz 2012 11:47:32 GMT")]
    [InlineData("Sun, Dec x 2012 11:47:32 GMT")]
    [InlineData("Sun, 16 Dec zz 11:47:32 GMT")]
    [InlineData("Sun, 16 Dec 2012 11:47:32 +zz:00")]
    [InlineData("Sun, 16 Dec 2012 11:47:32 +00:zz")]
    [InlineData("Sun, 99 Jun 2009 12:00:00 GMT")]
    [InlineData("9999-12-31T23:59:59-99:99")]
    [InlineData("2003-12-31T25:14:55Z")]
    [InlineData("2003-12-31T10:61:55Z")]
    [InlineData("2003-12-31T10:14:61Z")]
    [InlineData("013")]
    [InlineData("2013-01-27-01")]
    [InlineData("2013-01-28T11:30:00-06:00Textra")]
    [InlineData("2013-xx-27")]
    [InlineData("2013-01-28T09:xx:00Z")]
    [InlineData("2013-01-28T09:00:00+00:xx")]
    [InlineData("2003-02-30")]
    public void RefusesNonsense(string input) => Assert.False(FeedDates.TryParse(input, out _), $"parsed '{input}'");

    [Fact]
    public void ParseReturnsNullForNonsense()
    {
        Assert.Null(FeedDates.Parse(null));
        Assert.Null(FeedDates.Parse("soon"));
        Assert.Equal(new DateTimeOffset(2004, 1, 1, 0, 0, 0, TimeSpan.Zero), FeedDates.Parse("2004-01-01"));
    }
}
