namespace ReferralNet.Contracts.Codes;

/// <summary>Who gave a consent: the young person themself online, a guardian, or the young person in words a worker recorded.</summary>
public static class ConsentGrantors
{
    public const string Youth = "youth";
    public const string Guardian = "guardian";
    public const string WorkerRecorded = "worker-recorded";

    public static readonly IReadOnlySet<string> All = CodeSet.Of(Youth, Guardian, WorkerRecorded);
}
