package benchmark;

/**
 * One client's users for the contracted-service lifecycles: a purchasing officer, a contracts manager, a member of
 * HAVEN's staff (groups {@code provider} and {@code pr-haven}) and a data input clerk.
 */
record ServiceTeam(EngineClient officer, EngineClient manager, EngineClient provider, EngineClient clerk) {
}
