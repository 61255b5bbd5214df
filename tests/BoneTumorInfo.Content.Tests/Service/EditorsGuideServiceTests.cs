using BoneTumorInfo.Content.Markdown.Placeholders;
using BoneTumorInfo.Content.Service;

namespace BoneTumorInfo.Content.Tests.Service;

public class EditorsGuideServiceTests
{
    private static readonly string Guide = File.ReadAllText(Path.Combine(RepoPaths.Content, "README.md"));

    [Fact]
    public void The_editors_guide_explains_every_placeholder()
    {
        foreach (var key in PlaceholderFiller.Known.Keys.Where(k => !k.EndsWith(".hours", StringComparison.Ordinal)))
        {
            Assert.Contains($"`{{{{ {key} }}}}`", Guide, StringComparison.Ordinal);
        }

        Assert.Contains("`{{ phone.appointments.hours }}`", Guide, StringComparison.Ordinal);
    }

    [Fact]
    public void The_editors_guide_explains_every_service_file_key_and_the_third_card()
    {
        foreach (var key in ServiceProfileReader.Keys.Keys)
        {
            Assert.Contains($"`{key}`", Guide, StringComparison.Ordinal);
        }

        Assert.Contains("::: non-urgent", Guide, StringComparison.Ordinal);
    }
}
