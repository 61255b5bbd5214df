using BoneTumorInfo.Content.Checks;
using BoneTumorInfo.Content.Diagnostics;

namespace BoneTumorInfo.Content.Tests.Service;

/// <summary>What `content check` says about service.yml and the placeholders that use it.</summary>
public sealed class ServiceCheckTests : IDisposable
{
    private static readonly DateOnly Today = new(2026, 11, 23);

    private readonly TempContent _content = new();

    public void Dispose() => _content.Dispose();

    private CheckReport Check() => ContentChecker.CheckFolder(_content.Root, new ContentOptions(), Today);

    private ServiceCheckTests WithService(string fixture)
    {
        _content.Write("service.yml", ServiceFixtures.Text(fixture));
        return this;
    }

    private ServiceCheckTests WithPage(string body)
    {
        _content.Write("en/contact.md", TestPages.Page("Contact", body: body));
        return this;
    }

    [Fact]
    public void A_valid_profile_and_known_placeholders_give_no_messages()
    {
        WithService("valid.yml").WithPage("Call {{ phone.ward }}. We answer {{ phone.ward.hours }}.");

        Assert.Empty(Check().Diagnostics);
    }

    [Fact]
    public void An_unknown_placeholder_is_an_error_at_its_line_and_column_naming_the_known_ones()
    {
        WithService("valid.yml").WithPage("Intro.\n\nCall the ward on {{ phone.wrd }}, day or night.");

        var problem = Assert.Single(Check().Diagnostics);
        Assert.Equal("content/en/contact.md", problem.File);
        Assert.Equal(12, problem.Line);
        Assert.Equal(18, problem.Column);
        Assert.True(problem.IsError);
        Assert.StartsWith("unknown placeholder {{ phone.wrd }}: known ones are {{ service.name }}, {{ service.hospital }}, ", problem.Message, StringComparison.Ordinal);
        Assert.Contains("{{ phone.ward }}, {{ phone.ward.hours }}", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unclosed_placeholder_is_an_error()
    {
        WithService("valid.yml").WithPage("Call {{ phone.ward now.");

        var problem = Assert.Single(Check().Diagnostics);
        Assert.True(problem.IsError);
        Assert.Equal(10, problem.Line);
        Assert.Equal(6, problem.Column);
        Assert.Contains("has no closing '}}'", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Placeholders_with_no_service_file_are_errors_where_they_are_used()
    {
        WithPage("Call {{ phone.ward }}.");

        var problem = Assert.Single(Check().Diagnostics);
        Assert.True(problem.IsError);
        Assert.Equal("{{ phone.ward }} shows nothing: there is no service.yml beside the language folders to fill it from", problem.Message);
    }

    [Fact]
    public void A_broken_service_file_is_reported_once_not_again_at_every_placeholder()
    {
        WithService("invalid-phone.yml").WithPage("Call {{ phone.ward }} or {{ phone.appointments }}.");

        var problem = Assert.Single(Check().Diagnostics);
        Assert.Equal("content/service.yml", problem.File);
        Assert.Equal(28, problem.Line);
    }

    [Fact]
    public void Example_details_are_a_warning_from_the_check()
    {
        WithService("example.yml").WithPage("Call {{ phone.ward }}.");

        var report = Check();

        var problem = Assert.Single(report.Diagnostics);
        Assert.Equal(DiagnosticSeverity.Warning, problem.Severity);
        Assert.Equal("content/service.yml:2:1: warning: the contact details are examples; set your service's real details and remove 'example: true'", problem.ToString());
        Assert.Equal(0, report.Errors);
    }
}
