using BoneTumorInfo.Content.Diagnostics;
using BoneTumorInfo.Content.Service;

namespace BoneTumorInfo.Content.Tests.Service;

public class ServiceProfileReaderTests
{
    [Fact]
    public void A_complete_file_becomes_a_typed_profile_with_no_problems()
    {
        var (profile, problems) = ServiceFixtures.Read("valid.yml");

        Assert.Empty(problems);
        Assert.NotNull(profile);
        Assert.False(profile.IsExample);
        Assert.Equal("Bone Tumour Service", profile.Name.In("en"));
        Assert.Equal("হাড়ের টিউমার সেবা", profile.Name.In("bn"));
        Assert.Equal("Test Hospital", profile.Hospital.In("bn"));
        Assert.Equal("Ward 4B, Test Hospital, 12 Test Road, Dhaka 1000", profile.AddressOnOneLine("en"));
        Assert.Equal("team@example.org", profile.Email);
        Assert.Equal("within 2 working days", profile.Callback.In("en"));
        Assert.Equal(["appointments", "ward", "emergency"], profile.Phones.Select(p => p.Key));
        Assert.Equal("Appointments", profile.Appointments.Purpose.In("en"));
        Assert.Equal("Ward 4B", profile.Ward.Purpose.In("bn"));
        Assert.True(profile.Ward.Hours.IsAllDay);
    }

    [Theory]
    [InlineData("missing-key.yml", 1, "missing 'email' in the file")]
    [InlineData("unknown-key.yml", 17, "unknown key 'fax' in the file (the keys are: example, name, hospital")]
    [InlineData("invalid-phone.yml", 28, "'01700-00000' in 'phones: ward' is not a Bangladesh phone number")]
    [InlineData("not-emergency.yml", 32, "'998' is not Bangladesh's emergency number: write 999")]
    [InlineData("unreadable-hours.yml", 26, "the hours of 'phones: appointments' cannot be read: '9am' is not a time")]
    [InlineData("unknown-day.yml", 26, "the hours of 'phones: appointments' cannot be read: 'Thr' is not a day")]
    [InlineData("bad-email.yml", 16, "'team at example.org' is not an e-mail address")]
    [InlineData("embedded-map.yml", 15, "'map' must be a plain OpenStreetMap link, not an embedded map")]
    [InlineData("missing-language.yml", 17, "missing 'bn' in 'callback'")]
    [InlineData("missing-phone.yml", 20, "missing 'ward' in 'phones'")]
    [InlineData("duplicate-key.yml", 7, "'hospital' is written twice")]
    public void Each_planted_fault_is_one_error_at_its_line_and_gives_no_profile(string file, int line, string message)
    {
        var (profile, problems) = ServiceFixtures.Read(file);

        Assert.Null(profile);
        var problem = Assert.Single(problems);
        Assert.Equal(DiagnosticSeverity.Error, problem.Severity);
        Assert.Equal(file, problem.File);
        Assert.Equal(line, problem.Line);
        Assert.Contains(message, problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Example_details_are_a_warning_at_the_example_line_and_still_a_profile()
    {
        var (profile, problems) = ServiceFixtures.Read("example.yml");

        Assert.NotNull(profile);
        Assert.True(profile.IsExample);
        var problem = Assert.Single(problems);
        Assert.Equal(DiagnosticSeverity.Warning, problem.Severity);
        Assert.Equal(2, problem.Line);
        Assert.Equal("the contact details are examples; set your service's real details and remove 'example: true'", problem.Message);
    }

    [Fact]
    public void The_shipped_service_file_is_a_valid_example()
    {
        var problems = new List<ContentDiagnostic>();
        var profile = ServiceProfileReader.Load(Path.Combine(RepoPaths.Content, ServiceProfile.FileName), "content/service.yml", ["en", "bn"], problems);

        Assert.NotNull(profile);
        Assert.True(profile.IsExample);
        Assert.Equal(["the contact details are examples; set your service's real details and remove 'example: true'"], problems.Select(p => p.Message));
        Assert.Equal("999", profile.Emergency.National);
    }

    [Fact]
    public void A_missing_file_is_no_profile_and_no_message()
    {
        var problems = new List<ContentDiagnostic>();

        Assert.Null(ServiceProfileReader.Load(Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N"), "service.yml"), "service.yml", ["en"], problems));
        Assert.Empty(problems);
    }

    [Fact]
    public void Text_that_is_not_yaml_is_an_error_with_its_line()
    {
        var (profile, problems) = ServiceFixtures.ReadText("name: Bone\nhospital: [unclosed\n");

        Assert.Null(profile);
        Assert.Contains(problems, p => p.IsError && p.Message.StartsWith("the file is not valid YAML", StringComparison.Ordinal));
    }

    [Fact]
    public void A_language_the_site_does_not_have_is_an_unknown_key()
    {
        var text = ServiceFixtures.Text("valid.yml").Replace("  bn: ২ কর্মদিবসের মধ্যে", "  bn: ২ কর্মদিবসের মধ্যে\n  fr: sous 2 jours ouvrés", StringComparison.Ordinal);

        var (profile, problems) = ServiceFixtures.ReadText(text);

        Assert.Null(profile);
        Assert.Equal("unknown language 'fr' in 'callback' (the languages are: en, bn)", Assert.Single(problems).Message);
    }

    [Fact]
    public void Every_problem_in_a_file_is_reported_not_only_the_first()
    {
        var text = ServiceFixtures.Text("valid.yml")
            .Replace("team@example.org", "nobody", StringComparison.Ordinal)
            .Replace("01700-000000", "12345", StringComparison.Ordinal);

        var (_, problems) = ServiceFixtures.ReadText(text);

        Assert.Equal(2, problems.Count(p => p.IsError));
    }
}
