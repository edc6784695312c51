namespace Workflow.Api.Tests.Support;

public static class Eventually
{
    /// <summary>Polls until the condition holds; fails with the message after the timeout (consumers run asynchronously).</summary>
    public static async Task<T> ReturnsAsync<T>(Func<Task<T>> probe, Func<T, bool> condition, string because, int timeoutSeconds = 20)
    {
        var deadline = DateTime.UtcNow.AddSeconds(timeoutSeconds);
        while (true)
        {
            var value = await probe();
            if (condition(value)) return value;
            if (DateTime.UtcNow > deadline) Assert.Fail($"Timed out after {timeoutSeconds}s waiting until {because}. Last value: {value}");
            await Task.Delay(50);
        }
    }
}
