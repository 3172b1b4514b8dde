using Ingestion.Evaluation;

// Each command prints its detailed results and, as its last line, one summary line (see each command's file).
return args.FirstOrDefault() switch
{
    "feeds" => await Ingestion.Evaluation.Feeds.FeedsCommand.RunAsync(args[1..]),
    "extraction" => await Ingestion.Evaluation.Extraction.ExtractionCommand.RunAsync(args[1..]),
    "extract" => await Ingestion.Evaluation.Extraction.ExtractCommand.RunAsync(args[1..]),
    "metadata" => await Ingestion.Evaluation.Metadata.MetadataCommand.RunAsync(args[1..]),
    "ner" => await Ingestion.Evaluation.Ner.NerCommand.RunAsync(args[1..]),
    _ => Usage.Print(),
};
