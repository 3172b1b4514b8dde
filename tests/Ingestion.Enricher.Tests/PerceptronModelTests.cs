using Ingestion.Enricher.Domain.Entities;
using Ingestion.Enricher.Domain.Entities.Model;

namespace Ingestion.Enricher.Tests;

public sealed class PerceptronModelTests
{
    private static (AveragedPerceptron Trained, List<(NerSentence Sentence, int[] Tags)> Data) TrainTiny(int beamWidth = 1)
    {
        var g = Gazetteer.Default;
        (string[] Words, string[] Tags)[] raw =
        [
            (["Maria", "Lopez", "visited", "Paris", "."], ["B-PER", "I-PER", "O", "B-LOC", "O"]),
            (["The", "Acme", "Corporation", "hired", "Tom", "."], ["O", "B-ORG", "I-ORG", "O", "B-PER", "O"]),
            (["Rain", "fell", "on", "Berlin", "today", "."], ["O", "O", "O", "B-LOC", "O", "O"]),
        ];
        var data = raw.Select(r => (new NerSentence(r.Words, g), r.Tags.Select(NerTags.Parse).ToArray())).ToList();
        var model = new AveragedPerceptron();
        var tagger = new PerceptronTagger(model, beamWidth);
        for (var epoch = 0; epoch < 5; epoch++) tagger.TrainEpoch(data, Enumerable.Range(0, data.Count));
        model.Average(dropBelow: 0f);
        return (model, data);
    }

    [Fact]
    public void A_saved_and_loaded_model_scores_like_the_trained_one_up_to_quantisation()
    {
        var (trained, data) = TrainTiny();
        using var file = new MemoryStream();
        trained.Save(file);
        file.Position = 0;
        var loaded = AveragedPerceptron.Load(file);
        Assert.Equal(trained.FeatureCount, loaded.FeatureCount);

        var features = new List<ulong>();
        Span<float> a = stackalloc float[NerTags.Count];
        Span<float> b = stackalloc float[NerTags.Count];
        foreach (var (sentence, tags) in data)
        {
            for (var i = 0; i < sentence.Length; i++)
            {
                NerFeatures.Extract(sentence, i, i > 0 ? tags[i - 1] : NerTags.O, i > 1 ? tags[i - 2] : NerTags.O, features);
                features.Add(0x0123456789ABCDEFUL); // a feature the model never saw adds nothing
                var span = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(features);
                trained.Score(span, a);
                loaded.Score(span, b);
                for (var c = 0; c < NerTags.Count; c++) Assert.Equal(a[c], b[c], 0.01f);
            }
            Assert.Equal(new PerceptronTagger(trained).Tag(sentence), new PerceptronTagger(loaded).Tag(sentence));
        }
    }

    [Fact]
    public void A_loaded_model_cannot_be_trained_or_saved_again()
    {
        var (trained, _) = TrainTiny();
        using var file = new MemoryStream();
        trained.Save(file);
        file.Position = 0;
        var loaded = AveragedPerceptron.Load(file);
        Assert.Throws<InvalidOperationException>(() => loaded.Update([1UL], 1, 0));
        Assert.Throws<InvalidOperationException>(() => loaded.Save(new MemoryStream()));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(4)]
    public void Greedy_and_beam_training_learn_their_sentences(int beamWidth)
    {
        var (model, data) = TrainTiny(beamWidth);
        var tagger = new PerceptronTagger(model, beamWidth);
        foreach (var (sentence, tags) in data) Assert.Equal(tags, tagger.Tag(sentence));
    }

    [Fact]
    public void The_beam_never_puts_an_inside_tag_after_another_type()
    {
        var tagger = new PerceptronTagger(PerceptronRecognizer.LoadEmbedded(), 4);
        var tags = tagger.Tag(new NerSentence("Sergey Lavrov met Narendra Modi in New Delhi on Monday .".Split(' '), Gazetteer.Default));
        for (var i = 0; i < tags.Length; i++) Assert.True(NerTags.Allowed(i > 0 ? tags[i - 1] : NerTags.O, tags[i]));
        Assert.Equal(["B-PER", "I-PER", "O", "B-PER", "I-PER", "O", "B-LOC", "I-LOC", "O", "O", "O"], tags.Select(t => NerTags.Names[t]));
    }
}
