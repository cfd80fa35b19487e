using System.CommandLine;
using KoreaTimeline.Cli.Commands;

return new RootCommand("koreatimeline") { DatesCommand.Create(), TimexEvalCommand.Create() }.Parse(args).Invoke();
