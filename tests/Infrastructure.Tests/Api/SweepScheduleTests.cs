using VisionAspire.Api.Images;

namespace VisionAspire.Infrastructure.Tests.Api;

public sealed class SweepScheduleTests
{
    private static readonly TimeSpan Tick = TimeSpan.FromSeconds(15);

    [Fact]
    public void Failed_passes_are_retried_after_one_second_doubling_up_to_the_tick()
    {
        var schedule = new SweepSchedule(TimeSpan.FromSeconds(1), Tick);
        Assert.False(schedule.Retrying);
        Assert.Equal(Tick, schedule.NextDelay);

        var delays = new List<double>();
        for (var i = 0; i < 7; i++)
        {
            schedule.Record(succeeded: false);
            delays.Add(schedule.NextDelay.TotalSeconds);
        }

        Assert.True(schedule.Retrying);
        Assert.Equal([1, 2, 4, 8, 15, 15, 15], delays);
    }

    [Fact]
    public void A_pass_that_succeeds_returns_to_the_tick_and_the_next_failure_starts_over_at_one_second()
    {
        var schedule = new SweepSchedule(TimeSpan.FromSeconds(1), Tick);
        schedule.Record(succeeded: false);
        schedule.Record(succeeded: false);
        schedule.Record(succeeded: false);

        schedule.Record(succeeded: true);
        Assert.False(schedule.Retrying);
        Assert.Equal(Tick, schedule.NextDelay);

        schedule.Record(succeeded: false);
        Assert.Equal(TimeSpan.FromSeconds(1), schedule.NextDelay);
    }
}
