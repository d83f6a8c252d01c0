package org.ecgdigitizer.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicReference;

import org.ecgdigitizer.core.EcgException;
import org.junit.jupiter.api.Test;

class PageTimeLimitTest {

	@Test
	void aPageThatNeverEndsIsStoppedAndReported() throws Exception {
		AtomicReference<Thread> worker = new AtomicReference<>();
		PageTimeLimit.Exceeded e = assertThrows(PageTimeLimit.Exceeded.class, () -> PageTimeLimit.run("spin", 0.2,
			() -> {
				worker.set(Thread.currentThread());
				long n = 0;
				while (n >= 0) n = (n + 1) & 0xffff; // ignores interrupts, as the engine does
				return n;
			}));
		assertTrue(e.getMessage().startsWith("stopped after the time limit of 0.2 s;"), e.getMessage());
		worker.get().join(5000);
		assertFalse(worker.get().isAlive(), "the page's thread no longer runs");
	}

	@Test
	void resultsAndErrorsPassThrough() throws Exception {
		assertEquals(42, PageTimeLimit.run("quick", 10, () -> 42));
		EcgException e = assertThrows(EcgException.class, () -> PageTimeLimit.run("bad", 10, () -> {
			throw new EcgException("not an image file");
		}));
		assertEquals("not an image file", e.getMessage());
	}
}
