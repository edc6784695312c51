namespace Workflow.Api.Health;

/// <summary>
/// <c>Workflow.Api probe &lt;url&gt;</c>: asks a health endpoint and exits 0 when it answers 2xx, 1 otherwise. Container images
/// of ASP.NET Core carry no curl or wget, so the program checks itself (docker-compose.yml's health checks).
/// </summary>
public static class HealthProbe
{
    public static async Task<int> RunAsync(string url)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        try
        {
            using var answer = await http.GetAsync(url);
            Console.WriteLine($"{url}: {(int)answer.StatusCode}");
            return answer.IsSuccessStatusCode ? 0 : 1;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or UriFormatException or InvalidOperationException)
        {
            Console.Error.WriteLine($"{url}: {e.Message}");
            return 1;
        }
    }
}
