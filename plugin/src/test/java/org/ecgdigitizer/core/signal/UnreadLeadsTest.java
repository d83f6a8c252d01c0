package org.ecgdigitizer.core.signal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** Unread segments named by the limb-lead laws and by elimination, on signals made to obey the laws. */
class UnreadLeadsTest {

	private static final int N = 1000; // 10 s at 100 Hz

	/** I and II from two unrelated rhythms; the other limb leads follow by the laws. */
	private static double[][] limbLeads(long seed) {
		Random random = new Random(seed);
		double[] one = new double[N];
		double[] two = new double[N];
		double p1 = random.nextDouble() * 6;
		double p2 = random.nextDouble() * 6;
		for (int k = 0; k < N; k++) {
			double t = k / 100.0;
			one[k] = Math.exp(-Math.pow((t % 0.8 - 0.3) / 0.02, 2)) + 0.2 * Math.sin(2 * Math.PI * 1.25 * t + p1);
			two[k] = 1.4 * Math.exp(-Math.pow((t % 0.8 - 0.31) / 0.025, 2)) + 0.3 * Math.sin(2 * Math.PI * 1.25 * t + p2);
		}
		double[][] leads = new double[12][];
		leads[0] = one;
		leads[1] = two;
		leads[2] = new double[N];
		leads[3] = new double[N];
		leads[4] = new double[N];
		leads[5] = new double[N];
		for (int k = 0; k < N; k++) {
			leads[2][k] = two[k] - one[k];
			leads[3][k] = -(one[k] + two[k]) / 2;
			leads[4][k] = one[k] - two[k] / 2;
			leads[5][k] = two[k] - one[k] / 2;
		}
		for (int l = 6; l < 12; l++) leads[l] = noise(random, 0.5);
		return leads;
	}

	/** Tracing error: a little noise and a baseline offset. */
	private static double[] traced(double[] s, Random random) {
		double[] out = s.clone();
		double offset = random.nextGaussian();
		for (int k = 0; k < N; k++) out[k] += offset + 0.03 * random.nextGaussian();
		return out;
	}

	private static double[] noise(Random random, double sd) {
		double[] out = new double[N];
		for (int k = 0; k < N; k++) out[k] = sd * random.nextGaussian();
		return out;
	}

	@Test
	void missingLimbLeadsAreNamedByTheLawsAndTheLastChestLeadByElimination() {
		Random random = new Random(3);
		double[][] leads = limbLeads(1);
		double[][] named = new double[12][];
		// aVL, aVF and every chest lead but V3 were read
		for (Lead l : new Lead[] { Lead.AVL, Lead.AVF, Lead.V1, Lead.V2, Lead.V4, Lead.V5, Lead.V6 }) {
			named[l.ordinal()] = traced(leads[l.ordinal()], random);
		}
		Lead[] order = { Lead.AVR, Lead.I, Lead.V3, Lead.II, Lead.III };
		List<double[]> unread = new ArrayList<>();
		for (Lead l : order) unread.add(traced(leads[l.ordinal()], random));
		UnreadLeads.Naming naming = UnreadLeads.name(named, unread);
		assertArrayEquals(order, naming.leads, naming.notes.toString());
		assertTrue(naming.notes.get(1).contains("V3"), naming.notes.toString());
	}

	@Test
	void twoUnreadSegmentsThatCouldSwapNamesAreLeftUnnamedAndTheRestNamed() {
		Random random = new Random(4);
		double[][] leads = limbLeads(2);
		double[][] named = new double[12][];
		named[Lead.AVL.ordinal()] = traced(leads[Lead.AVL.ordinal()], random);
		named[Lead.AVF.ordinal()] = traced(leads[Lead.AVF.ordinal()], random);
		// III printed twice (as two unread segments): either may be III
		List<double[]> unread = new ArrayList<>();
		unread.add(traced(leads[Lead.I.ordinal()], random));
		unread.add(traced(leads[Lead.III.ordinal()], random));
		unread.add(traced(leads[Lead.II.ordinal()], random));
		unread.add(traced(leads[Lead.III.ordinal()], random));
		UnreadLeads.Naming naming = UnreadLeads.name(named, unread);
		assertArrayEquals(new Lead[] { Lead.I, null, Lead.II, null }, naming.leads, naming.notes.toString());
	}

	/**
	 * 12x1/E07506: III and V3 unread and V3's trace fits III's laws almost as well as III's; its label
	 * reads V3 or II, so the laws may not call it III, and with II named it is V3.
	 */
	@Test
	void aLabelsShortlistKeepsTheLawsFromGivingItsSegmentAnotherLead() {
		Random random = new Random(6);
		double[][] leads = limbLeads(5);
		double[][] named = new double[12][];
		for (Lead l : new Lead[] { Lead.I, Lead.II, Lead.AVR, Lead.AVL, Lead.AVF, Lead.V1, Lead.V2, Lead.V4, Lead.V5,
			Lead.V6 }) named[l.ordinal()] = traced(leads[l.ordinal()], random);
		List<double[]> unread = new ArrayList<>();
		unread.add(traced(leads[Lead.III.ordinal()], random));
		// a chest lead that looks like III
		unread.add(traced(leads[Lead.III.ordinal()], random));
		List<List<Lead>> any = List.of(List.of(), List.of());
		assertArrayEquals(new Lead[2], UnreadLeads.name(named, unread, any).leads);
		List<List<Lead>> allowed = List.of(List.of(), List.of(Lead.V3, Lead.II));
		UnreadLeads.Naming naming = UnreadLeads.name(named, unread, allowed);
		assertArrayEquals(new Lead[] { Lead.III, Lead.V3 }, naming.leads, naming.notes.toString());
		assertEquals("limb-lead laws", naming.rules[0]);
		assertEquals("label and unused leads", naming.rules[1]);
	}

	/**
	 * ecg-image-kit's 6x2 rows (V1, V4), (I, aVR), (V2, V5), (II, aVL), (V3, V6), (III, aVF) with V5,
	 * aVL and V6 unread: the laws find aVL, and with it named, down the second column V5 has one place
	 * left before it and V6 one after. Before, two segments were left and elimination names only one.
	 */
	@Test
	void theLawsNamesFixTheOrderOfTheRest() {
		Random random = new Random(7);
		double[][] leads = limbLeads(6);
		double[][] named = new double[12][];
		int[][] namedAt = new int[12][];
		String[][] page = { { "V1", "V4" }, { "I", "aVR" }, { "V2", "V5" }, { "II", "aVL" }, { "V3", "V6" }, { "III",
			"aVF" } };
		List<double[]> unread = new ArrayList<>();
		List<int[]> unreadAt = new ArrayList<>();
		List<Lead> truth = new ArrayList<>();
		for (int row = 0; row < 6; row++) {
			for (int column = 0; column < 2; column++) {
				Lead l = Lead.parse(page[row][column]);
				double[] s = traced(leads[l.ordinal()], random);
				if (l == Lead.V5 || l == Lead.AVL || l == Lead.V6) {
					unread.add(s);
					unreadAt.add(new int[] { row, column });
					truth.add(l);
				}
				else {
					named[l.ordinal()] = s;
					namedAt[l.ordinal()] = new int[] { row, column };
				}
			}
		}
		List<List<Lead>> any = List.of(List.of(), List.of(), List.of());
		UnreadLeads.Naming lawsOnly = UnreadLeads.name(named, unread, any);
		assertArrayEquals(new Lead[] { null, Lead.AVL, null }, lawsOnly.leads, lawsOnly.notes.toString());
		UnreadLeads.Naming naming = UnreadLeads.name(named, unread, any, new UnreadLeads.Places(namedAt, unreadAt.toArray(
			new int[0][])));
		assertArrayEquals(truth.toArray(new Lead[0]), naming.leads, naming.notes.toString());
		assertEquals("order of the labels read", naming.rules[0]);
		assertEquals("limb-lead laws", naming.rules[1]);
	}

	/**
	 * 12x1/muse-af read with only aVR, aVL and aVF named: its nine unread rows are not all limb leads,
	 * so a label that reads V1, III or aVL may be V1 and is not named III. Before, the page was taken
	 * to print limb leads only (no chest lead named) and the row was named III.
	 */
	@Test
	void moreUnreadSegmentsThanMissingLimbLeadsMeanTheChestLeadsArePrintedToo() {
		Random random = new Random(8);
		double[][] leads = limbLeads(7);
		double[][] named = new double[12][];
		for (Lead l : new Lead[] { Lead.AVR, Lead.AVL, Lead.AVF }) named[l.ordinal()] = traced(leads[l.ordinal()], random);
		List<double[]> unread = new ArrayList<>();
		List<List<Lead>> allowed = new ArrayList<>();
		for (int u = 0; u < 9; u++) {
			unread.add(noise(random, 0.5));
			allowed.add(u == 0 ? List.of(Lead.V1, Lead.III, Lead.AVL) : List.of());
		}
		UnreadLeads.Naming naming = UnreadLeads.name(named, unread, allowed);
		assertArrayEquals(new Lead[9], naming.leads, naming.notes.toString());
		// on a page of limb leads alone (three unread segments for three missing leads) it is III
		naming = UnreadLeads.name(named, unread.subList(0, 3), allowed.subList(0, 3));
		assertEquals(Lead.III, naming.leads[0], naming.notes.toString());
	}

	@Test
	void signalsThatBreakTheLawsNameNothing() {
		Random random = new Random(5);
		double[][] leads = limbLeads(3);
		double[][] named = new double[12][];
		named[Lead.AVL.ordinal()] = traced(leads[Lead.AVL.ordinal()], random);
		named[Lead.AVF.ordinal()] = traced(leads[Lead.AVF.ordinal()], random);
		named[Lead.V1.ordinal()] = traced(leads[Lead.V1.ordinal()], random);
		// the traces of I and II were lost: what was followed is noise
		List<double[]> unread = List.of(noise(random, 0.5), noise(random, 0.5));
		UnreadLeads.Naming naming = UnreadLeads.name(named, unread);
		assertArrayEquals(new Lead[2], naming.leads, naming.notes.toString());
	}

	@Test
	void lawsHoldOnlyWhereTheirLeadsArePrintedAtOnce() {
		double[][] leads = limbLeads(4);
		double[][] byLead = Arrays.copyOf(leads, 6);
		double[] fit = UnreadLeads.fit(new double[] { 1, -1, 1, 0, 0, 0 }, byLead);
		assertEquals(0, fit[0] / fit[1], 1e-12);
		// III printed only in the second half of the time: the law is read over those 5 s alone
		double[] late = byLead[2].clone();
		for (int k = 0; k < N / 2; k++) late[k] = Double.NaN;
		byLead[2] = late;
		assertEquals(0, UnreadLeads.fit(new double[] { 1, -1, 1, 0, 0, 0 }, byLead)[0], 1e-9);
		// and not at all when the leads share less than a second
		for (int k = 0; k < N - 50; k++) late[k] = Double.NaN;
		assertEquals(null, UnreadLeads.fit(new double[] { 1, -1, 1, 0, 0, 0 }, byLead));
	}
}
