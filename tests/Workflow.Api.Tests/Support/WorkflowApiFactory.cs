using MassTransit;
using MassTransit.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Workflow.Infrastructure.Messaging;
using Workflow.Core.Data;

namespace Workflow.Api.Tests.Support;

/// <summary>
/// The whole service in memory, on a real SQLite file of its own, with MassTransit's test harness
/// watching the bus. Each factory gets a fresh data directory; pass one in to restart on the same data.
/// </summary>
public sealed class WorkflowApiFactory : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> _settings;
    private readonly TimeProvider? _clock;

    public WorkflowApiFactory() : this(null) { }

    /// <summary>A factory on the given data directory (to restart on the same data) or with other settings.</summary>
    /// <param name="testHarness">False keeps the service's own bus (say, RabbitMQ) instead of MassTransit's in-memory test harness.</param>
    /// <param name="services">Services the test adds or replaces, after the service's own.</param>
    public static WorkflowApiFactory With(string? dataDirectory = null, bool importSeeds = false,
        IDictionary<string, string?>? settings = null,
        TimeProvider? clock = null, bool testHarness = true, Action<IServiceCollection>? services = null) =>
        new(dataDirectory, importSeeds, settings, clock, testHarness, services);

    private readonly bool _testHarness;
    private readonly Action<IServiceCollection>? _services;

    private WorkflowApiFactory(string? dataDirectory, bool importSeeds = false, IDictionary<string, string?>? settings = null,
        TimeProvider? clock = null,
        bool testHarness = true, Action<IServiceCollection>? services = null)
    {
        _clock = clock;
        _services = services;
        _testHarness = testHarness;
        DataDirectory = dataDirectory ?? Path.Combine(Path.GetTempPath(), "workflow-tests", Guid.NewGuid().ToString("N"));
        _settings = new Dictionary<string, string?>
        {
            ["DataDirectory"] = DataDirectory,
            ["Seeds:ImportOnStartup"] = importSeeds.ToString(),
            ["Outbox:PollInterval"] = "00:00:00.100",
            ["PublicBaseUrl"] = "http://workflow.test",
            // Every test client comes from one address: the per-address limits of the account forms are lifted (the
            // tests of those limits set their own); the per-account sign-in failures keep the service's default.
            ["AccountLimits:SignInAttemptsPerAddress"] = "1000000",
            ["AccountLimits:RegistrationsPerAddress"] = "1000000",
            ["AccountLimits:MailRequestsPerAddress"] = "1000000",
        };
        foreach (var (key, value) in TestDatabase.SettingsFor(DataDirectory)) _settings[key] = value;
        if (TestBroker.EverywhereInSuite)
            foreach (var (key, value) in TestBroker.Settings(TestBroker.DeploymentFor(DataDirectory))) _settings[key] = value;
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) _settings[key] = value;
    }

    public string DataDirectory { get; }

    public string MailPickupDirectory => Path.Combine(DataDirectory, "mail-pickup");

    /// <summary>The e-mails written to the pickup folder so far.</summary>
    public Task<List<MimeKit.MimeMessage>> MailsAsync() => Task.FromResult(Directory.Exists(MailPickupDirectory)
        ? Directory.GetFiles(MailPickupDirectory, "*.eml").Select(f => MimeKit.MimeMessage.Load(f)).ToList()
        : []);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        foreach (var (key, value) in _settings) builder.UseSetting(key, value);
        builder.UseEnvironment("Testing");
        builder.ConfigureTestServices(services =>
        {
            // The harness replaces the bus; give it the service's own transport and retry policy.
            if (_testHarness)
                services.AddMassTransitTestHarness(bus =>
                {
                    // On a broker, the probe's queue is the deployment's own, as the service's are: a queue shared by every
                    // test would hand one test's events to another's probe.
                    if (_settings.ContainsKey(EventProbe.Setting))
                        bus.AddConsumer<EventProbe>().Endpoint(e => e.Name = MessagingSetup.Prefix(StartSettings) + EventProbe.Name);
                    static IConfiguration Of(IBusRegistrationContext context) => context.GetRequiredService<IConfiguration>();
                    var messaging = MessagingSetup.Options(StartSettings);
                    if (messaging.IsInMemory)
                        bus.UsingInMemory((context, cfg) => MessagingSetup.ConfigureInMemory(context, cfg,
                            MessagingSetup.RetryIntervals(Of(context))));
                    else
                        bus.UsingRabbitMq((context, cfg) => MessagingSetup.ConfigureRabbitMq(context, cfg, messaging,
                            MessagingSetup.Prefix(Of(context)), MessagingSetup.RetryIntervals(Of(context))));
                });
            if (_clock is not null) services.AddSingleton(_clock);
            services.AddSingleton<EventProbe.Deliveries>();
            _services?.Invoke(services);
        });
    }

    protected override IHost CreateHost(IHostBuilder builder)
    {
        // MassTransit keeps its log context in an AsyncLocal that a host started earlier in this test's flow
        // may have set, with a logger factory that is disposed by now: each host must configure its own.
        LogContext.Current = null;
        if (!MessagingSetup.Options(StartSettings).IsInMemory) TestBroker.AssertListens();
        return base.CreateHost(builder);
    }

    /// <summary>The settings the service starts with (those of the test; appsettings aside).</summary>
    private IConfiguration StartSettings => new ConfigurationBuilder().AddInMemoryCollection(_settings).Build();

    public ITestHarness Bus => Services.GetTestHarness();

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        // A stopped service's idle PostgreSQL connections would otherwise stay open for minutes, and a suite of services
        // would run the server out of connections.
        if (_settings.TryGetValue("ConnectionStrings:Workflow", out var connectionString) && TestDatabase.IsPostgreSql)
            Npgsql.NpgsqlConnection.ClearPool(new Npgsql.NpgsqlConnection(connectionString));
    }

    /// <summary>A scope with the service's own DbContext, to look at what was stored.</summary>
    public async Task<T> InDatabaseAsync<T>(Func<WorkflowDb, Task<T>> query)
    {
        await using var scope = Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<WorkflowDb>());
    }
}
