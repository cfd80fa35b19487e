using System.CommandLine;
using KoreaTimeline.Cli.Commands;

var root = new RootCommand("koreatimeline: extract dated events from news articles and import them into the timeline.")
{
    ImportCommand.Create(),
    ReextractCommand.Create(),
    UsersCommand.Create(),
    ExportGoldCommand.Create(),
    ExtractCommand.Create(),
    DatesCommand.Create(),
    TimexEvalCommand.Create(),
    TrainParserCommand.Create(),
};
return await root.Parse(args).InvokeAsync();
