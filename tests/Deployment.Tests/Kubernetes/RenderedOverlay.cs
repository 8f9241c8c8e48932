using System.Collections.Concurrent;
using k8s;
using k8s.Models;
using ReferralNet.Testing;
using YamlDotNet.RepresentationModel;

namespace ReferralNet.Deployment.Tests.Kubernetes;

/// <summary>
/// One overlay of <c>deploy/k8s</c> as <c>kubectl kustomize</c> renders it: every built-in object read strictly with
/// the Kubernetes client's models (a field they do not know is an error, as the API server's strict validation), and
/// the two operators' resources (CloudNativePG, the RabbitMQ Cluster Operator), which it has no models for, as YAML.
/// </summary>
public sealed class RenderedOverlay
{
    /// <summary>The API groups of the operators' resources the overlays use.</summary>
    public static readonly string[] OperatorGroups = ["postgresql.cnpg.io", "barmancloud.cnpg.io", "rabbitmq.com"];

    private static readonly ConcurrentDictionary<string, Lazy<Task<RenderedOverlay>>> Rendered = new();

    public required string Name { get; init; }

    public required IReadOnlyList<IKubernetesObject<V1ObjectMeta>> Objects { get; init; }

    public required IReadOnlyList<YamlMappingNode> OperatorResources { get; init; }

    public static Task<RenderedOverlay> OfAsync(string overlay) =>
        Rendered.GetOrAdd(overlay, name => new Lazy<Task<RenderedOverlay>>(() => RenderAsync(name))).Value;

    public IEnumerable<T> All<T>() => Objects.OfType<T>();

    public YamlMappingNode OperatorResource(string kind) =>
        Assert.Single(OperatorResources, r => ((YamlScalarNode)r["kind"]).Value == kind);

    /// <summary>Each process's Deployment and Job, with the pod it runs.</summary>
    public IEnumerable<(string Name, V1PodSpec Pod)> Processes =>
        All<V1Deployment>().Select(d => (d.Name(), d.Spec.Template.Spec)).Concat(All<V1Job>().Select(j => (j.Name(), j.Spec.Template.Spec)));

    public IEnumerable<(string Name, V1PodSpec Pod)> Workloads =>
        Processes.Concat(All<V1StatefulSet>().Select(s => (s.Name(), s.Spec.Template.Spec)));

    private static async Task<RenderedOverlay> RenderAsync(string overlay)
    {
        var folder = Path.Combine(RepositoryRoot.Path, "deploy", "k8s", "overlays", overlay);
        var yaml = await ServerScript.RunProcessAsync("kubectl", ["kustomize", folder]);
        var objects = new List<IKubernetesObject<V1ObjectMeta>>();
        var operatorResources = new List<YamlMappingNode>();
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        foreach (var document in stream.Documents)
        {
            var root = (YamlMappingNode)document.RootNode;
            var apiVersion = ((YamlScalarNode)root["apiVersion"]).Value!;
            if (OperatorGroups.Any(group => apiVersion.StartsWith(group + "/", StringComparison.Ordinal)))
            {
                operatorResources.Add(root);
                continue;
            }
            var text = new YamlStream(new YamlDocument(root));
            using var writer = new StringWriter();
            text.Save(writer, assignAnchors: false);
            objects.Add((IKubernetesObject<V1ObjectMeta>)Assert.Single(KubernetesYaml.LoadAllFromString(writer.ToString(), strict: true)));
        }
        return new RenderedOverlay { Name = overlay, Objects = objects, OperatorResources = operatorResources };
    }
}
