/*
 * drawblob.S - the bytes of the drawing code's shared object (drawlib.h),
 * carried by the binary so that cityidx stays one file: DRAW_SO is its
 * path, given by the Makefile.
 */
	.section .rodata.cidx_draw_so, "a"
	.balign 64
	.globl cidx_draw_so
	.type cidx_draw_so, %object
cidx_draw_so:
	.incbin DRAW_SO
cidx_draw_so_end:
	.size cidx_draw_so, cidx_draw_so_end - cidx_draw_so

/* its size in bytes, a size_t (C may not subtract the two addresses) */
	.section .rodata.cidx_draw_so_size, "a"
	.balign 8
	.globl cidx_draw_so_size
	.type cidx_draw_so_size, %object
cidx_draw_so_size:
	.quad cidx_draw_so_end - cidx_draw_so
	.size cidx_draw_so_size, 8

	.section .note.GNU-stack, "", %progbits
