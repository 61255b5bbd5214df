namespace BoneTumorInfo.Cli.Tests;

/// <summary>Runs the staff command line in-process, as a person would type it, and keeps what it printed.</summary>
public static class BtiRunner
{
    public static async Task<(int Exit, string Output, string Errors)> Bti(params string[] args)
    {
        using var output = new StringWriter();
        using var errors = new StringWriter();
        var exit = await BtiCommand.Create(output, errors).Parse(args).InvokeAsync();
        return (exit, output.ToString(), errors.ToString());
    }
}
