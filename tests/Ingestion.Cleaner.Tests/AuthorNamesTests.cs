using Ingestion.Cleaner.Domain.Authors;

namespace Ingestion.Cleaner.Tests;

public sealed class AuthorNamesTests
{
    [Theory]
    [InlineData("By Jane Doe and John Roe", new[] { "Jane Doe", "John Roe" })]
    [InlineData("By JANE DOE, Staff Writer", new[] { "Jane Doe" })]
    [InlineData("Jane Doe, John Roe & Ann Lee", new[] { "Jane Doe", "John Roe", "Ann Lee" })]
    [InlineData("Written by Jane Doe (jane.doe@example.com)", new[] { "Jane Doe" })]
    [InlineData("By Jane Doe @janedoe", new[] { "Jane Doe" })]
    [InlineData("Jane Doe | Senior Correspondent", new[] { "Jane Doe" })]
    [InlineData("Jane Doe Staff Writer", new[] { "Jane Doe" })]
    [InlineData("By Ludwig van Beethoven", new[] { "Ludwig van Beethoven" })]
    [InlineData("By Mary O'Brien-Smith", new[] { "Mary O'Brien-Smith" })]
    [InlineData("By Carolyn Said", new[] { "Carolyn Said" })]
    [InlineData("S. Jaishankar", new[] { "S. Jaishankar" })]
    [InlineData("Chris Walker Chris Walker", new[] { "Chris Walker" })]
    [InlineData("By Staff", new string[0])]
    [InlineData("Staff Reporter", new string[0])]
    [InlineData("Special Correspondent", new string[0])]
    [InlineData("https://www.facebook.com/janedoe", new string[0])]
    [InlineData("admin", new string[0])]
    [InlineData("CNN", new string[0])]
    [InlineData("Updated 3 hours ago", new string[0])]
    public void Author_strings_are_cleaned(string raw, string[] expected) =>
        Assert.Equal(expected, AuthorNames.Parse(raw).Names);

    [Theory]
    [InlineData("By Jane Doe, Reuters", "Reuters")]
    [InlineData("Jane Doe (AP)", "Associated Press")]
    [InlineData("PTI", "Press Trust of India")]
    [InlineData("Express News Service", "Express News Service")]
    public void Agencies_are_set_apart(string raw, string agency) =>
        Assert.Equal(agency, AuthorNames.Parse(raw).Agency);

    [Theory]
    [InlineData("date 2023-12-27 Yeshi Seli By", "Yeshi Seli", "2023-12-27T00:00:00Z")]
    [InlineData("By Jane Doe | Updated: 12 March 2024", "Jane Doe", "2024-03-12T00:00:00Z")]
    [InlineData("Jane Doe · Published March 3, 2024 10:30 AM EST", "Jane Doe", "2024-03-03T15:30:00Z")]
    public void Bylines_are_read(string line, string author, string published)
    {
        var b = BylineParser.Parse(line);
        Assert.NotNull(b);
        Assert.Equal([author], b.Authors);
        Assert.Equal(DateTimeOffset.Parse(published), b.Published);
    }

    [Theory]
    [InlineData("The council approved the plan on Tuesday after a long debate.")]
    [InlineData("India and Russia are likely to resume talks, said the minister.")]
    [InlineData("The bill was passed by Congress and signed by the President.")]
    public void Sentences_are_no_bylines(string line) => Assert.Null(BylineParser.Parse(line));

    [Fact]
    public void Updated_only_line_dates_the_story_and_its_modification()
    {
        var b = BylineParser.Parse("Updated: 2024-03-12 14:00 GMT");
        Assert.NotNull(b);
        Assert.Equal(DateTimeOffset.Parse("2024-03-12T14:00:00Z"), b.Published);
        Assert.Equal(DateTimeOffset.Parse("2024-03-12T14:00:00Z"), b.Modified);
    }
}
