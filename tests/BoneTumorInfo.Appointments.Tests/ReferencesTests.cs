namespace BoneTumorInfo.Appointments.Tests;

public sealed class ReferencesTests
{
    [Fact]
    public void A_reference_is_short_readable_and_has_no_look_alike_characters()
    {
        for (var i = 0; i < 2000; i++)
        {
            var reference = References.Derive(References.NewIdempotencyKey());
            Assert.Matches("^BT-[A-Z0-9]{4}-[A-Z0-9]{4}$", reference);
            Assert.True(References.IsReference(reference));
            Assert.DoesNotMatch("[01IOLSZUV25]", reference[3..]);
        }
    }

    [Fact]
    public void The_same_form_key_always_gives_the_same_reference_and_attempts_give_others()
    {
        var key = References.NewIdempotencyKey();
        Assert.Equal(References.Derive(key), References.Derive(key));
        Assert.NotEqual(References.Derive(key, 0), References.Derive(key, 1));
    }

    [Theory]
    [InlineData("BT-4K7Q-9M3X", true)]
    [InlineData("BT-4K7Q-9M2X", false)] // 2 looks like Z
    [InlineData("BT-4K7Q-9M2", false)]
    [InlineData("BT-0K7Q-9M2X", false)]
    [InlineData("XX-4K7Q-9M2X", false)]
    public void Reference_format(string text, bool valid) => Assert.Equal(valid, References.IsReference(text));
}
