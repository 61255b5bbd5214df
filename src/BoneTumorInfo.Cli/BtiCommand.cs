using System.CommandLine;

namespace BoneTumorInfo.Cli;

/// <summary>The root of the staff command line: one sub-command group per feature.</summary>
public static class BtiCommand
{
    public static RootCommand Create(TextWriter output, TextWriter errors) => Create(output, errors, Console.In);

    public static RootCommand Create(TextWriter output, TextWriter errors, TextReader input)
    {
        var root = new RootCommand("BoneTumorInfo staff tools: check the site's pages, receive appointment requests, see searches that found nothing, back up the data, manage staff accounts.");
        root.Subcommands.Add(Content.ContentCommands.Create(output, errors));
        root.Subcommands.Add(Appointments.AppointmentsCommands.Create(output, errors));
        root.Subcommands.Add(Search.SearchCommands.Create(output, errors));
        root.Subcommands.Add(Data.DataCommands.Create(output, errors));
        root.Subcommands.Add(Staff.StaffCommands.Create(output, errors, input));
        return root;
    }
}
