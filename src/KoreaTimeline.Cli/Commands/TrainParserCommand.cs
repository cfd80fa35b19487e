using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using KoreaTimeline.Extraction.Syntax;

namespace KoreaTimeline.Cli.Commands;

/// <summary>
/// <c>koreatimeline train-parser --treebank DIR --out DIR [--iterations N] [--folds K] [--fold-iterations N] [--penn-tags] [--parser-iterations N] [--early-stop]</c>: trains the tagger, lemmatizer, parser
/// and arc labeller on a UD treebank (en_ewt-ud-train.conllu), writes the model files and a NOTICE crediting the
/// treebank, and prints UPOS, lemma, UAS and LAS on the dev and test splits.
/// </summary>
internal static class TrainParserCommand
{
    public const string Notice = """
        These model files (tagger, lemmatizer, parser, labeller) were trained on the Universal Dependencies
        English Web Treebank (UD_English-EWT, https://github.com/UniversalDependencies/UD_English-EWT), by
        Natalia Silveira, Timothy Dozat, Marie-Catherine de Marneffe, Samuel Bowman, Miriam Connor, John Bauer
        and Christopher D. Manning, with later releases by the UD contributors; licensed under CC BY-SA 4.0
        (https://creativecommons.org/licenses/by-sa/4.0/). The model files are derived from it and are shared
        under the same licence. Produced by `koreatimeline train-parser`.

        """;

    public static Command Create()
    {
        var treebank = new Option<DirectoryInfo>("--treebank") { Description = "folder holding en_ewt-ud-{train,dev,test}.conllu", Required = true };
        var output = new Option<DirectoryInfo>("--out") { Description = "folder to write the model files into", Required = true };
        var iterations = new Option<int>("--iterations") { Description = "training passes of each model", DefaultValueFactory = _ => 12 };
        var folds = new Option<int>("--folds") { Description = "taggers whose predictions on held-out folds the parser learns from (0: gold tags)", DefaultValueFactory = _ => 5 };
        var foldIterations = new Option<int>("--fold-iterations") { Description = "training passes of each fold's tagger", DefaultValueFactory = _ => 6 };
        var penn = new Option<bool>("--penn-tags") { Description = "tag with UPOS and the treebank's Penn tags (\"VERB|VBN\"), which the parser then reads" };
        var parserIterations = new Option<int>("--parser-iterations") { Description = "training passes of the parser at most (0: --iterations)" };
        var earlyStop = new Option<bool>("--early-stop") { Description = "keep the parser of the pass that parses the dev split best" };
        var command = new Command("train-parser", "Train the part-of-speech tagger, lemmatizer and dependency parser on UD English EWT")
        {
            treebank, output, iterations, folds, foldIterations, penn, parserIterations, earlyStop,
        };
        command.SetAction(parseResult =>
        {
            var dir = parseResult.GetRequiredValue(treebank);
            var outDir = parseResult.GetRequiredValue(output);
            string Split(string name) => Path.Combine(dir.FullName, $"en_ewt-ud-{name}.conllu");
            if (!File.Exists(Split("train")))
            {
                Console.Error.WriteLine($"train-parser: {Split("train")} does not exist");
                return 2;
            }

            var clock = Stopwatch.StartNew();
            var train = ConllU.Read(Split("train"));
            Console.Error.WriteLine($"train: {train.Count} sentences, {train.Sum(s => s.Words.Count)} words");
            var dev = parseResult.GetValue(earlyStop) && File.Exists(Split("dev")) ? ConllU.Read(Split("dev")) : null;
            var options = new SyntaxTrainingOptions(
                parseResult.GetValue(iterations), parseResult.GetValue(folds), parseResult.GetValue(foldIterations), parseResult.GetValue(penn), parseResult.GetValue(parserIterations), dev);
            var model = SyntaxTrainer.Train(train, options, Console.Error.WriteLine);
            Console.Error.WriteLine($"trained in {clock.Elapsed.TotalSeconds:F0} s");
            model.Save(outDir.FullName);
            File.WriteAllText(Path.Combine(outDir.FullName, "NOTICE"), Notice);
            var size = SyntaxModel.FileNames.Sum(f => new FileInfo(Path.Combine(outDir.FullName, f)).Length);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"model: {size / 1e6:F1} MB in {outDir.FullName}"));

            // Score the files as written, so the figures are those of what ships (half-precision weights included).
            var saved = SyntaxModel.Load(outDir.FullName);
            foreach (var split in new[] { "dev", "test" })
            {
                if (!File.Exists(Split(split)))
                {
                    continue;
                }

                var s = SyntaxTrainer.Evaluate(saved, ConllU.Read(Split(split)));
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{split}: {s.Words} words  UPOS {s.Upos:F2}  lemma {s.Lemma:F2}  UAS {s.Uas:F2}  LAS {s.Las:F2}"));
            }

            return 0;
        });
        return command;
    }
}
