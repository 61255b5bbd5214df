using System.CommandLine;
using BoneTumorInfo.Cli;

return await BtiCommand.Create(Console.Out, Console.Error).Parse(args).InvokeAsync();
