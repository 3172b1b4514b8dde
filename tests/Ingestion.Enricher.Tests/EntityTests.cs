using Ingestion.Contracts;
using Ingestion.Enricher.Domain;
using Ingestion.Enricher.Domain.Entities;

namespace Ingestion.Enricher.Tests;

public sealed class EntityTests
{
    private static readonly ArticleEnricher Enricher = new();

    private static IReadOnlyList<Entity> Entities(string body) => Enricher.Enrich(SeedArticle.FromText(body)).Entities;

    private static Entity Single(IReadOnlyList<Entity> entities, string name)
    {
        var found = entities.Where(e => e.Name == name).ToList();
        Assert.True(found.Count == 1,
            $"expected one '{name}', got: {string.Join(", ", entities.Select(e => $"{e.Name}/{e.Type}x{e.Count}"))}");
        return found[0];
    }

    [Fact]
    public void Surname_joins_the_full_name_and_the_longest_form_is_canonical()
    {
        var entities = Entities("Lavrov arrived late. Russian Foreign Minister Sergey Lavrov then met the press, and Lavrov left.");
        var lavrov = Single(entities, "Sergey Lavrov");
        Assert.Equal("PER", lavrov.Type);
        Assert.Equal(3, lavrov.Count);
        Assert.Equal(["Lavrov", "Sergey Lavrov", "Lavrov"], lavrov.Mentions.Select(m => m.Text));
        Assert.DoesNotContain(entities, e => e.Name == "Lavrov");
    }

    [Fact]
    public void Titles_are_cues_not_part_of_the_name()
    {
        var entities = Entities("PM Modi spoke first. Prime Minister Modi later said Modi would travel. President Putin and Mr Smith "
            + "listened, as did Dr Jane Roe and Deputy PM Denis Manturov.");
        var modi = Single(entities, "Modi");
        Assert.Equal("PER", modi.Type);
        Assert.Equal(3, modi.Count);
        Assert.Equal("PER", Single(entities, "Putin").Type);
        Assert.Equal("PER", Single(entities, "Smith").Type);
        Assert.Equal("PER", Single(entities, "Jane Roe").Type);
        Assert.Equal("PER", Single(entities, "Denis Manturov").Type);
        Assert.DoesNotContain(entities, e => e.Name.Contains("Minister") || e.Name.Contains("PM") || e.Name.Contains("President")
            || e.Name.StartsWith("Mr") || e.Name.StartsWith("Dr"));
    }

    [Fact]
    public void Initial_and_surname_are_one_person()
    {
        var entities = Entities("External Affairs Minister S Jaishankar visited Moscow. Jaishankar met officials. \"We agree,\" said "
            + "Jaishankar.");
        var j = Single(entities, "S Jaishankar");
        Assert.Equal("PER", j.Type);
        Assert.Equal(3, j.Count);
        Assert.DoesNotContain(entities, e => e.Name.Contains("External") || e.Name.Contains("Affairs"));
    }

    [Fact]
    public void Full_name_with_initials_matches_the_initialled_form()
    {
        Assert.True(EntityCanonicalizer.Compatible(["S", "Jaishankar"], ["Subrahmanyam", "Jaishankar"]));
        Assert.True(EntityCanonicalizer.Compatible(["Lavrov"], ["Sergey", "Lavrov"]));
        Assert.True(EntityCanonicalizer.Compatible(["Sergey"], ["Sergey", "Lavrov"]));
        Assert.False(EntityCanonicalizer.Compatible(["Rahul", "Gandhi"], ["Sonia", "Gandhi"]));
        Assert.False(EntityCanonicalizer.Compatible(["Putin"], ["Sergey", "Lavrov"]));
    }

    [Fact]
    public void Demonyms_are_not_locations()
    {
        var entities = Entities("Russian and Indian diplomats met Chinese officials. Americans and Europeans watched, and Hindi was "
            + "spoken.");
        Assert.DoesNotContain(entities, e => e.Name is "Russian" or "Indian" or "Chinese" or "Americans" or "Europeans" or "Hindi");
    }

    [Theory]
    [InlineData("G20")]
    [InlineData("BRICS")]
    [InlineData("SCO")]
    [InlineData("ASEAN")]
    [InlineData("UNSC")]
    [InlineData("NATO")]
    [InlineData("UN")]
    [InlineData("EU")]
    [InlineData("ISRO")]
    public void Acronyms_are_organisations(string acronym)
    {
        var entities = Entities($"Delegates from the {acronym} gathered in Geneva on Friday.");
        Assert.Equal("ORG", Single(entities, acronym).Type);
        Assert.Equal("LOC", Single(entities, "Geneva").Type);
    }

    [Fact]
    public void Common_acronyms_are_not_organisations()
    {
        var entities = Entities("The GDP figures and the CEO's AI plans were shown on TV.");
        Assert.Empty(entities);
    }

    [Fact]
    public void Acronym_joins_the_organisation_it_abbreviates()
    {
        var entities = Entities("The Eurasian Economic Union (EEU) met. The EEU has five members.");
        var eeu = Single(entities, "Eurasian Economic Union");
        Assert.Equal("ORG", eeu.Type);
        Assert.Equal(3, eeu.Count);
    }

    [Fact]
    public void Organisation_name_patterns()
    {
        var entities = Entities("Officials of the Ministry of External Affairs, the Reserve Bank of India, the Indian Navy and the Nordic "
            + "Investment Bank met the Eurasian Economic Union.");
        foreach (var name in new[] { "Ministry of External Affairs", "Reserve Bank of India", "Indian Navy", "Nordic Investment Bank",
            "Eurasian Economic Union" })
            Assert.Equal("ORG", Single(entities, name).Type);
    }

    [Fact]
    public void Location_patterns_and_cues()
    {
        var entities = Entities("Ships sailed from Chennai to Vladivostok and on to the Bay of Bengal. Later they docked in Port Zarnak "
            + "and at Lake Ilmen near Xyzabad.");
        foreach (var name in new[] { "Chennai", "Vladivostok", "Bay of Bengal", "Port Zarnak", "Lake Ilmen", "Xyzabad" })
            Assert.Equal("LOC", Single(entities, name).Type);
    }

    [Fact]
    public void Speech_cues_make_people()
    {
        var entities = Entities("The plan is bold, said Kumaran. Vishwanathan Iyer told the panel it was late. According to Ferrante, "
            + "nothing changed.");
        Assert.Equal("PER", Single(entities, "Kumaran").Type);
        Assert.Equal("PER", Single(entities, "Vishwanathan Iyer").Type);
        Assert.Equal("PER", Single(entities, "Ferrante").Type);
    }

    [Fact]
    public void Sentence_initial_words_are_not_entities()
    {
        var entities = Entities("It rained. As expected, flights were cut. Flights between the two cities have increased. The talks ended. "
            + "However, nothing changed. We left. They stayed.");
        Assert.Empty(entities);
    }

    [Fact]
    public void Shouted_dateline_gets_the_listed_spelling()
    {
        var entities = Entities("NEW DELHI: Talks resumed. WASHINGTON — Officials agreed.");
        Assert.Equal("LOC", Single(entities, "New Delhi").Type);
        Assert.Equal("LOC", Single(entities, "Washington").Type);
    }

    [Fact]
    public void Aliases_are_one_entity_named_by_the_longest_form()
    {
        var entities = Entities("The United States and the US Navy... The US said the United Nations and the UN agreed.");
        var us = Single(entities, "United States");
        Assert.Equal(2, us.Count);
        var un = Single(entities, "United Nations");
        Assert.Equal(2, un.Count);
    }

    [Fact]
    public void Events_and_documents_keep_only_the_names_inside()
    {
        var entities = Entities("India’s G20 Presidency ended and the Vibrant Gujarat Summit began. The Protocol on Consultations was "
            + "signed.");
        Assert.Equal("ORG", Single(entities, "G20").Type);
        Assert.Equal("LOC", Single(entities, "Gujarat").Type);
        Assert.Equal("LOC", Single(entities, "India").Type);
        Assert.DoesNotContain(entities, e => e.Name.Contains("Summit") || e.Name.Contains("Presidency") || e.Name.Contains("Protocol"));
    }

    [Fact]
    public void Hyphenated_pairs_give_both_places()
    {
        var entities = Entities("The India-Russia summit was not held.");
        Assert.Equal("LOC", Single(entities, "India").Type);
        Assert.Equal("LOC", Single(entities, "Russia").Type);
    }

    [Fact]
    public void Organisation_before_a_title_and_the_person_after_it()
    {
        var entities = Entities("Bank of England Governor Andrew Bailey and Tesla Inc Chief Executive Elon Musk spoke to the U.S. Federal "
            + "Reserve.");
        Assert.Equal("ORG", Single(entities, "Bank of England").Type);
        Assert.Equal("PER", Single(entities, "Andrew Bailey").Type);
        Assert.Equal("ORG", Single(entities, "Tesla Inc").Type);
        Assert.Equal("PER", Single(entities, "Elon Musk").Type);
        Assert.Equal("LOC", Single(entities, "U.S.").Type);
        Assert.Equal("ORG", Single(entities, "Federal Reserve").Type);
    }

    [Fact]
    public void Name_ending_in_a_title_word_is_a_name()
    {
        var entities = Entities("The novelist Stephen King wrote again.");
        Assert.Equal("PER", Single(entities, "Stephen King").Type);
    }

    [Fact]
    public void Recognizer_reports_title_ranges()
    {
        const string body = "External Affairs Minister S Jaishankar met Foreign Minister Sergey Lavrov.";
        var result = new EntityRecognizer().Recognize(new Domain.Text.AnalyzedText(body));
        Assert.Equal(["External Affairs Minister", "Foreign Minister"], result.Titles.Select(t => body[t.Start..t.End]));
        Assert.Equal(["S Jaishankar", "Sergey Lavrov"], result.Entities.Select(e => e.Name));
    }
}
