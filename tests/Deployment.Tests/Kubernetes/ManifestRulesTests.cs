using System.Text.RegularExpressions;
using k8s.Models;
using ReferralNet.Testing;
using YamlDotNet.RepresentationModel;

namespace ReferralNet.Deployment.Tests.Kubernetes;

[Trait(Tier.Trait, Tier.Unit)]
public sealed partial class ManifestRulesTests
{
    public static TheoryData<string> Overlays => ["local", "production"];

    /// <summary>The processes of today; each is a Deployment of the same name.</summary>
    public static readonly string[] Processes = ["intake", "matching", "consent", "handoff", "insights", "support", "gateway", "web"];

    /// <summary>The processes with a database of their own, and so a migration Job.</summary>
    public static readonly string[] WithDatabase = ["intake", "matching", "consent", "handoff", "insights", "support", "web"];

    [Theory, MemberData(nameof(Overlays))]
    public async Task Every_process_is_a_Deployment_with_a_Service_and_each_database_a_migration_Job(string overlay)
    {
        var rendered = await RenderedOverlay.OfAsync(overlay);

        Assert.Equal(Processes.Order(), rendered.All<V1Deployment>().Select(d => d.Name()).Order());
        Assert.Equal(Processes.Order(), rendered.All<V1Service>().Select(s => s.Name()).Where(Processes.Contains).Order());
        Assert.Equal(WithDatabase.Select(p => p + "-migrate").Order(), rendered.All<V1Job>().Select(j => j.Name()).Order());
        Assert.All(rendered.All<V1Job>(), job => Assert.Equal(["--migrate-only"], Assert.Single(job.Spec.Template.Spec.Containers).Args));
    }

    [Theory, MemberData(nameof(Overlays))]
    public async Task Every_process_runs_as_nobody_on_a_read_only_root_and_is_probed(string overlay)
    {
        var rendered = await RenderedOverlay.OfAsync(overlay);

        Assert.All(rendered.Processes, process =>
        {
            var container = Assert.Single(process.Pod.Containers);
            Assert.True(process.Pod.SecurityContext.RunAsNonRoot, $"{process.Name} runs as root");
            Assert.True(container.SecurityContext.ReadOnlyRootFilesystem, $"{process.Name} may write to its root");
            Assert.False(container.SecurityContext.AllowPrivilegeEscalation, $"{process.Name} may escalate");
            Assert.Equal(["ALL"], container.SecurityContext.Capabilities.Drop);
            Assert.False(process.Pod.AutomountServiceAccountToken, $"{process.Name} gets a Kubernetes API token");
        });
        Assert.All(rendered.All<V1Deployment>(), deployment =>
        {
            var container = Assert.Single(deployment.Spec.Template.Spec.Containers);
            Assert.Equal("/health/ready", container.ReadinessProbe.HttpGet.Path);
            Assert.Equal("/health/live", container.LivenessProbe.HttpGet.Path);
            Assert.Equal("http", container.ReadinessProbe.HttpGet.Port.Value);
            Assert.Contains(container.Ports, p => p.Name == "http" && p.ContainerPort == 8080);
        });
    }

    [Theory, MemberData(nameof(Overlays))]
    public async Task Every_workload_asks_for_resources_and_has_limits(string overlay)
    {
        var rendered = await RenderedOverlay.OfAsync(overlay);

        Assert.NotEmpty(rendered.Workloads);
        Assert.All(rendered.Workloads.SelectMany(w => w.Pod.Containers.Select(c => (w.Name, Container: c))), each =>
        {
            foreach (var resource in new[] { "cpu", "memory" })
            {
                Assert.True(each.Container.Resources?.Requests?.ContainsKey(resource) == true, $"{each.Name} requests no {resource}");
                Assert.True(each.Container.Resources?.Limits?.ContainsKey(resource) == true, $"{each.Name} has no {resource} limit");
            }
        });
        foreach (var engine in rendered.OperatorResources.Where(r => Scalar(r, "kind") is "Cluster" or "RabbitmqCluster"))
        {
            Assert.NotNull(Node(engine, "spec", "resources", "requests", "memory"));
            Assert.NotNull(Node(engine, "spec", "resources", "limits", "memory"));
        }
    }

    [Theory, MemberData(nameof(Overlays))]
    public async Task Every_image_is_pinned_and_the_processes_are_of_this_release(string overlay)
    {
        var rendered = await RenderedOverlay.OfAsync(overlay);
        var release = ReleaseVersion().Match(File.ReadAllText(Path.Combine(RepositoryRoot.Path, "Directory.Build.props"))).Groups[1].Value;

        var images = rendered.Workloads.SelectMany(w => w.Pod.Containers).Select(c => c.Image)
            .Concat(rendered.OperatorResources.Select(r => Scalar(r, "spec", "imageName") ?? Scalar(r, "spec", "image")).OfType<string>()).ToList();
        Assert.All(images, image => Assert.Matches(PinnedImage(), image));
        Assert.All(images.Where(i => i.Contains("/referralnet/")), image => Assert.EndsWith(":" + release, image));
    }

    [Theory, MemberData(nameof(Overlays))]
    public async Task Every_Service_budget_and_autoscaler_points_at_a_workload_that_exists(string overlay)
    {
        var rendered = await RenderedOverlay.OfAsync(overlay);
        var podLabels = rendered.All<V1Deployment>().Select(d => d.Spec.Template.Metadata.Labels)
            .Concat(rendered.All<V1StatefulSet>().Select(s => s.Spec.Template.Metadata.Labels)).ToList();
        bool SelectsPods(IDictionary<string, string> selector) =>
            podLabels.Any(labels => selector.All(s => labels.TryGetValue(s.Key, out var value) && value == s.Value));

        Assert.All(rendered.All<V1Service>(), service => Assert.True(SelectsPods(service.Spec.Selector), $"Service {service.Name()} selects no pod"));
        Assert.All(rendered.All<V1Deployment>(), d => Assert.True(SelectsPods(d.Spec.Selector.MatchLabels)));
        Assert.All(rendered.All<V1PodDisruptionBudget>(), budget =>
            Assert.True(SelectsPods(budget.Spec.Selector.MatchLabels), $"PodDisruptionBudget {budget.Name()} selects no pod"));
        var deployments = rendered.All<V1Deployment>().Select(d => d.Name()).ToHashSet();
        Assert.All(rendered.All<V2HorizontalPodAutoscaler>(), autoscaler =>
        {
            Assert.Equal("Deployment", autoscaler.Spec.ScaleTargetRef.Kind);
            Assert.Contains(autoscaler.Spec.ScaleTargetRef.Name, deployments);
            Assert.NotNull(Assert.Single(autoscaler.Spec.Metrics).Resource);
        });
        if (overlay == "production")
        {
            Assert.Equal(deployments.Order(), rendered.All<V1PodDisruptionBudget>().Select(b => b.Name()).Order());
            Assert.Equal(deployments.Order(), rendered.All<V2HorizontalPodAutoscaler>().Select(a => a.Spec.ScaleTargetRef.Name).Order());
            Assert.All(rendered.All<V2HorizontalPodAutoscaler>(), a => Assert.True(a.Spec.MinReplicas >= 2));
        }
    }

    [Theory, MemberData(nameof(Overlays))]
    public async Task Only_the_gateway_is_reachable_from_outside_and_each_process_reaches_only_what_it_needs(string overlay)
    {
        var rendered = await RenderedOverlay.OfAsync(overlay);
        var policies = rendered.All<V1NetworkPolicy>().ToList();

        var denyAll = Assert.Single(policies, p => p.Spec.PodSelector.MatchLabels is null && p.Spec.PodSelector.MatchExpressions is null
            && p.Spec.Ingress is null && p.Spec.Egress is null);
        Assert.Equal(["Egress", "Ingress"], denyAll.Spec.PolicyTypes.Order());
        // A rule without "from" admits anyone: only the gateway's pods have one.
        var open = policies.Where(p => p.Spec.Ingress?.Any(rule => rule.FromProperty is null) == true).ToList();
        Assert.Equal(["gateway"], open.Select(p => p.Spec.PodSelector.MatchLabels?["app.kubernetes.io/component"]));
        // What a pod of each kind may reach, by the policies that select it.
        Assert.Equal(["database:5432", "gateway:8080", "kube-dns:53"], Reaches(policies, "web"));
        Assert.Equal(["broker:5672", "database:5432", "kube-dns:53"], Reaches(policies, "service"));
        Assert.Equal(["database:5432", "kube-dns:53"], Reaches(policies, "migration"));
        Assert.Equal(["service:8080", "web:8080", "kube-dns:53"], Reaches(policies, "gateway"));
    }

    [Theory, MemberData(nameof(Overlays))]
    public async Task Secrets_are_referenced_never_written_in(string overlay)
    {
        var rendered = await RenderedOverlay.OfAsync(overlay);

        Assert.Empty(rendered.All<V1Secret>());
        var literal = rendered.Workloads.SelectMany(w => w.Pod.Containers).SelectMany(c => c.Env ?? [])
            .Where(e => e.Value is not null && Secretive().IsMatch(e.Name)).Select(e => e.Name);
        Assert.Empty(literal);
        var settings = Assert.Single(rendered.All<V1ConfigMap>(), c => c.Name().StartsWith("referralnet-settings", StringComparison.Ordinal));
        Assert.DoesNotContain(settings.Data.Keys, key => Secretive().IsMatch(key));
    }

    [Theory, MemberData(nameof(Overlays))]
    public async Task An_issuers_private_key_is_mounted_in_the_issuer_alone_and_every_key_read_only(string overlay)
    {
        var rendered = await RenderedOverlay.OfAsync(overlay);

        var mounted = rendered.All<V1Deployment>().SelectMany(d => d.Spec.Template.Spec.Containers.SelectMany(c => c.VolumeMounts ?? [])
            .Select(m => (Deployment: d.Name(), Mount: m, d.Spec.Template.Spec.Volumes.Single(v => v.Name == m.Name).Secret?.SecretName)))
            .Where(m => m.SecretName is not null).ToList();
        Assert.All(mounted, m => Assert.True(m.Mount.ReadOnlyProperty, $"{m.Deployment} mounts {m.SecretName} writable"));
        var signing = mounted.Where(m => m.SecretName!.EndsWith("-signing", StringComparison.Ordinal)).Select(m => $"{m.Deployment}:{m.SecretName}").Order();
        Assert.Equal(overlay == "local"
            ? ["consent:referralnet-youth-issuer-signing", "gateway:referralnet-dev-issuer-signing"]
            : ["consent:referralnet-youth-issuer-signing"], signing);
        // Every process trusts the young person's issuer by its mounted public keys.
        Assert.Equal(rendered.All<V1Deployment>().Select(d => d.Name()).Order(),
            mounted.Where(m => m.SecretName == "referralnet-youth-issuer-keys").Select(m => m.Deployment).Order());
    }

    [Fact]
    public async Task Production_runs_the_broker_and_the_database_as_replicated_clusters_of_their_operators()
    {
        var rendered = await RenderedOverlay.OfAsync("production");

        var broker = rendered.OperatorResource("RabbitmqCluster");
        Assert.Equal("rabbitmq.com/v1beta1", Scalar(broker, "apiVersion"));
        Assert.Equal("referralnet-broker", Scalar(broker, "metadata", "name"));
        Assert.Equal("3", Scalar(broker, "spec", "replicas"));
        Assert.Equal("broker", Scalar(broker, "spec", "override", "statefulSet", "spec", "template", "metadata", "labels", "referralnet/role"));

        var database = rendered.OperatorResource("Cluster");
        Assert.Equal("postgresql.cnpg.io/v1", Scalar(database, "apiVersion"));
        Assert.Equal("referralnet-db", Scalar(database, "metadata", "name"));
        Assert.Equal("3", Scalar(database, "spec", "instances"));
        Assert.Equal("1", Scalar(database, "spec", "postgresql", "synchronous", "number"));
        Assert.Equal("database", Scalar(database, "spec", "inheritedMetadata", "labels", "referralnet/role"));
        var roles = ((YamlSequenceNode)Node(database, "spec", "managed", "roles")!).Cast<YamlMappingNode>().ToList();
        Assert.Equal(WithDatabase.Order(), roles.Select(r => Scalar(r, "name")).Order());
        Assert.All(roles, r => Assert.Equal($"referralnet-db-{Scalar(r, "name")}", Scalar(r, "passwordSecret", "name")));
        var databases = rendered.OperatorResources.Where(r => Scalar(r, "kind") == "Database").ToList();
        Assert.Equal(WithDatabase.Select(p => $"referralnet_{p}:{p}").Order(),
            databases.Select(d => $"{Scalar(d, "spec", "name")}:{Scalar(d, "spec", "owner")}").Order());
        Assert.All(databases, d => Assert.Equal("referralnet-db", Scalar(d, "spec", "cluster", "name")));

        // Backed up: the WAL archived continuously to an object store, a base backup on a schedule, credentials by reference.
        var archiver = Assert.Single(((YamlSequenceNode)Node(database, "spec", "plugins")!).Cast<YamlMappingNode>());
        Assert.Equal("barman-cloud.cloudnative-pg.io", Scalar(archiver, "name"));
        Assert.Equal("true", Scalar(archiver, "isWALArchiver"));
        var store = Assert.Single(rendered.OperatorResources, r => Scalar(r, "kind") == "ObjectStore");
        Assert.Equal(Scalar(archiver, "parameters", "barmanObjectName"), Scalar(store, "metadata", "name"));
        Assert.Equal("30d", Scalar(store, "spec", "retentionPolicy"));
        Assert.StartsWith("s3://", Scalar(store, "spec", "configuration", "destinationPath"));
        Assert.Equal("referralnet-backup-store", Scalar(store, "spec", "configuration", "s3Credentials", "secretAccessKey", "name"));
        var schedule = Assert.Single(rendered.OperatorResources, r => Scalar(r, "kind") == "ScheduledBackup");
        Assert.Equal("referralnet-db", Scalar(schedule, "spec", "cluster", "name"));
        Assert.Equal("plugin", Scalar(schedule, "spec", "method"));
        Assert.Equal("barman-cloud.cloudnative-pg.io", Scalar(schedule, "spec", "pluginConfiguration", "name"));
        Assert.Equal(6, Scalar(schedule, "spec", "schedule")!.Split(' ').Length); // CloudNativePG's: seconds first
    }

    [Fact]
    public async Task Production_metrics_are_scraped_on_a_port_no_Service_exposes()
    {
        var rendered = await RenderedOverlay.OfAsync("production");

        Assert.All(rendered.All<V1Deployment>(), deployment =>
        {
            Assert.Contains(Assert.Single(deployment.Spec.Template.Spec.Containers).Ports, p => p.Name == "metrics" && p.ContainerPort == 9464);
            Assert.Equal("9464", deployment.Spec.Template.Metadata.Annotations["prometheus.io/port"]);
        });
        Assert.All(rendered.All<V1Service>(), service => Assert.DoesNotContain(service.Spec.Ports, p => p.Port == 9464 || p.TargetPort?.Value == "metrics"));
        var settings = Assert.Single(rendered.All<V1ConfigMap>(), c => c.Name().StartsWith("referralnet-settings", StringComparison.Ordinal)).Data;
        Assert.Equal("9464", settings["Telemetry__PrometheusPort"]);
        Assert.Contains("9464", settings["ASPNETCORE_HTTP_PORTS"].Split(';'));
    }

    /// <summary>Each "kind:port" the pods of one component may open, by the egress rules of the policies selecting them.</summary>
    private static List<string> Reaches(List<V1NetworkPolicy> policies, string component) =>
        policies.Where(p => p.Spec.Egress is not null && Selects(p.Spec.PodSelector, component))
            .SelectMany(p => p.Spec.Egress)
            .SelectMany(rule => (rule.To ?? []).SelectMany(Peers).SelectMany(peer => rule.Ports.Select(port => $"{peer}:{port.Port.Value}")))
            .Distinct().OrderBy(r => r.StartsWith("kube-dns", StringComparison.Ordinal)).ThenBy(r => r, StringComparer.Ordinal).ToList();

    private static bool Selects(V1LabelSelector selector, string component) =>
        (selector.MatchLabels is null && selector.MatchExpressions is null)
        || Label(selector.MatchLabels, "app.kubernetes.io/component") == component
        || selector.MatchExpressions?.Any(e => e.Key == "app.kubernetes.io/component" && e.OperatorProperty == "In" && e.Values.Contains(component)) == true;

    private static IEnumerable<string> Peers(V1NetworkPolicyPeer peer) =>
        Label(peer.PodSelector?.MatchLabels, "k8s-app") is { } app ? [app]
        : Label(peer.PodSelector?.MatchLabels, "referralnet/role") is { } role ? [role]
        : Label(peer.PodSelector?.MatchLabels, "app.kubernetes.io/component") is { } one ? [one]
        : peer.PodSelector?.MatchExpressions?.SelectMany(e => e.Values) ?? ["anything"];

    private static string? Label(IDictionary<string, string>? labels, string key) => labels?.TryGetValue(key, out var value) == true ? value : null;

    private static YamlNode? Node(YamlMappingNode root, params string[] path)
    {
        YamlNode? node = root;
        foreach (var key in path)
        {
            node = node is YamlMappingNode mapping && mapping.Children.TryGetValue(new YamlScalarNode(key), out var child) ? child : null;
        }
        return node;
    }

    private static string? Scalar(YamlMappingNode root, params string[] path) => (Node(root, path) as YamlScalarNode)?.Value;

    [GeneratedRegex(@"^[a-z0-9.\-]+(:[0-9]+)?(/[a-z0-9._\-]+)+(:(?!latest$)[A-Za-z0-9._\-]+|@sha256:[0-9a-f]{64})$")]
    private static partial Regex PinnedImage();

    [GeneratedRegex(@"<Version>([^<]+)</Version>")]
    private static partial Regex ReleaseVersion();

    [GeneratedRegex("(?i)password|secret|pkcs8")]
    private static partial Regex Secretive();
}
